"""Rules 5 and 6: persistent pain, focal (1-2 regions) or widespread (3 or more regions)."""

from collections.abc import Iterator
from datetime import date, timedelta

from shared.config import RulesConfig
from shared.history import PatientHistory
from shared.rules.base import Evaluation, Hit, Tier, rule, unique
from shared.vocab import SITES

# Radiotherapy this recent may not have shown its effect yet (catalogue, rule 5).
RECENT_RADIOTHERAPY_DAYS = 28


def _pain_day_ids(
    history: PatientHistory, site: str, day: date, config: RulesConfig
) -> tuple[int, list[str]]:
    first = day - timedelta(days=config.persistent_window_days - 1)
    days = [each for each in history.logged_days(first, day) if history.is_pain_day(site, each)]
    ids = [
        report.id
        for each in days
        for report in history.same_day_reports(each)
        if (entry := report.score_at(site)) is not None and entry.score >= 4
    ]
    return len(days), ids


def _regions(sites: list[str]) -> list[str]:
    return sorted({SITES[site].region for site in sites})


def _radiotherapy_recent_or_ongoing(history: PatientHistory, site: str, day: date) -> bool:
    since = day - timedelta(days=RECENT_RADIOTHERAPY_DAYS)
    for window in history.radiotherapy_windows(site):
        course = window.treatment
        ended_recently = course.ended_on is not None and since <= course.ended_on <= day
        if ended_recently or course.covers(day):
            return True
    return False


@rule(
    id="persistent_focal_pain",
    version=1,
    suggested_action=(
        "Review for palliative radiotherapy (8 Gy in a single fraction is standard for "
        "uncomplicated pain) and analgesia."
    ),
    citation="ESMO 2020; ASTRO 2017 (Lutz); persistence threshold [design]",
    reads_doses=False,
)
def persistent_focal_pain(evaluation: Evaluation) -> Iterator[Hit]:
    """Priority, per site: on D the persistent sites (>= 10 pain days in D-13..D) span 1 or 2
    regions; fires for each persistent site with no radiotherapy ended in D-28..D or ongoing.

    Source: ESMO 2020; ASTRO 2017 (Lutz); persistence threshold [design].
    """
    history, day, config = evaluation.history, evaluation.day, evaluation.config
    sites = history.persistent_sites(day, config)
    if not sites or len(_regions(sites)) >= config.widespread_min_regions:
        return
    for site in sites:
        if _radiotherapy_recent_or_ongoing(history, site, day):
            continue
        count, ids = _pain_day_ids(history, site, day, config)
        explanation = (
            f"{SITES[site].label} pain 4/10 or more on {count} of the last "
            f"{config.persistent_window_days} days, with no radiotherapy to it in the last "
            f"{RECENT_RADIOTHERAPY_DAYS} days"
        )
        yield Hit(Tier.PRIORITY, explanation, unique(ids), site)


@rule(
    id="widespread_bone_pain",
    version=1,
    suggested_action=(
        "Review systemic therapy, radionuclides (radium-223, strontium-89, samarium-153) or "
        "hemibody radiotherapy."
    ),
    citation="ESMO 2020; EANM 2018; threshold [design]",
    reads_doses=False,
)
def widespread_bone_pain(evaluation: Evaluation) -> Iterator[Hit]:
    """Priority, for the patient: on D the persistent sites span >= 3 regions (rule 5 then
    does not fire).

    Source: ESMO 2020; EANM 2018; threshold [design].
    """
    history, day, config = evaluation.history, evaluation.day, evaluation.config
    sites = history.persistent_sites(day, config)
    regions = _regions(sites)
    if len(regions) < config.widespread_min_regions:
        return
    counts = []
    evidence: list[str] = []
    for site in sites:
        count, ids = _pain_day_ids(history, site, day, config)
        counts.append(f"{SITES[site].label} {count} days")
        evidence += ids
    explanation = (
        f"persistent pain (4/10 or more on at least {config.persistent_min_pain_days} of the "
        f"last {config.persistent_window_days} days) at {len(sites)} sites in {len(regions)} "
        f"regions ({', '.join(regions)}): {', '.join(counts)}"
    )
    yield Hit(Tier.PRIORITY, explanation, unique(evidence))

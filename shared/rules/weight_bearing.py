"""Rule 3: pain on weight bearing at a weight-bearing limb site (impending fracture)."""

from collections.abc import Iterator
from datetime import date, timedelta

from shared.history import PatientHistory
from shared.history.pain import sites_reported
from shared.rules.base import Evaluation, Hit, Tier, rule, unique
from shared.rules.mirels import mirels_score, mirels_wording
from shared.vocab import SITES, WEIGHT_BEARING_SITES

RECENT_PAIN_DAYS = 3
MIN_LOADED_DAYS = 2
# The catalogue gives no horizon for "the site's last 3 days with pain"; 28 days matches the
# new-site definition and keeps the rule inside the declared history window.
LOOKBACK_DAYS = 28


def _loaded_report_ids(history: PatientHistory, site: str, day: date) -> list[str]:
    ids = []
    for report in history.same_day_reports(day):
        entry = report.score_at(site)
        if entry is not None and entry.score >= 1 and "weight_bearing" in entry.aggravated_by:
            ids.append(report.id)
    return ids


@rule(
    id="functional_pain_weight_bearing",
    version=1,
    suggested_action="Imaging of the whole bone; orthopaedic opinion; protected weight bearing.",
    citation="Mirels 1989; ESMO 2020 bone health guideline",
    reads_doses=False,
)
def functional_pain_weight_bearing(evaluation: Evaluation) -> Iterator[Hit]:
    """Urgent, per weight-bearing limb site: weight bearing aggravated the pain at the site on
    >= 2 of the site's last (up to) 3 days with a daily score >= 1. When the lesion record for
    the site has type and cortical involvement, the explanation states the Mirels score.

    Source: Mirels 1989; ESMO 2020 bone health guideline.
    """
    history, day = evaluation.history, evaluation.day
    context = history.context
    # Only a site some report listed in the lookback can have pain days there.
    listed = sites_reported(history, day - timedelta(days=LOOKBACK_DAYS), day)
    for site in sorted(WEIGHT_BEARING_SITES & listed):
        scores = history_scores(history, site, day)
        recent = [each for each, score in scores if score >= 1][-RECENT_PAIN_DAYS:]
        loaded = {each: ids for each in recent if (ids := _loaded_report_ids(history, site, each))}
        if len(loaded) < MIN_LOADED_DAYS:
            continue
        worst = max(score for each, score in scores if each in loaded)
        explanation = (
            f"{SITES[site].label} pain on weight bearing on {len(loaded)} of its last "
            f"{len(recent)} days with pain (up to {worst}/10)"
        )
        score = mirels_score(site, context.lesion_at(site) if context else None)
        if score is not None:
            explanation += f"; {mirels_wording(score)}"
        evidence = unique(i for ids in loaded.values() for i in ids)
        yield Hit(Tier.URGENT, explanation, evidence, site)


def history_scores(history: PatientHistory, site: str, day: date) -> list[tuple[date, int]]:
    first = day - timedelta(days=LOOKBACK_DAYS)
    return [
        (each, score)
        for each in history.logged_days(first, day)
        if (score := history.daily_score(site, each)) is not None
    ]

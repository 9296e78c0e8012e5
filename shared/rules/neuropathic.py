"""Rule 11: pain that sounds neuropathic, at a site, in a patient not on a neuropathic agent."""

from collections.abc import Iterator
from datetime import date, timedelta

from shared.history import PatientHistory
from shared.history.pain import sites_reported
from shared.rules.base import Evaluation, Hit, Tier, rule, unique
from shared.vocab import SITES

NEUROPATHIC_QUALITIES = (
    "burning",
    "shooting",
    "tingling",
    "numbness",
    "painful_cold",
    "itching",
    "touch_evoked",
)
MIN_QUALITIES = 2
MIN_DAYS = 3
WINDOW_DAYS = 7
AGENT_LOOKBACK_DAYS = 14
PRIORITY_SCORE = 7


def _neuropathic_days(
    history: PatientHistory, site: str, first: date, last: date
) -> dict[date, tuple[set[str], list[str]]]:
    """Days whose reports together give >= 2 neuropathic qualities at the site."""
    found: dict[date, tuple[set[str], list[str]]] = {}
    for each in history.logged_days(first, last):
        qualities: set[str] = set()
        ids: list[str] = []
        for report in history.same_day_reports(each):
            entry = report.score_at(site)
            listed = [q for q in entry.qualities if q in NEUROPATHIC_QUALITIES] if entry else []
            if listed:
                qualities.update(listed)
                ids.append(report.id)
        if len(qualities) >= MIN_QUALITIES:
            found[each] = (qualities, ids)
    return found


@rule(
    id="neuropathic_features",
    version=1,
    suggested_action=(
        "Screen (DN4 / S-LANSS); consider amitriptyline, duloxetine, gabapentin or pregabalin."
    ),
    citation="DN4 (Bouhassira 2005); NICE CG173",
)
def neuropathic_features(evaluation: Evaluation) -> Iterator[Hit]:
    """Routine (priority if the highest daily score on those days is >= 7), per site: >= 2
    qualities from burning, shooting, tingling, numbness, painful cold, itching and
    touch-evoked at the site on >= 3 of the days D-6..D (a day's reports taken together), and
    no neuropathic agent in the plan or dosed in the last 14 days (D-13..D).

    Source: DN4 (Bouhassira 2005); NICE CG173.
    """
    history, day = evaluation.history, evaluation.day
    first = day - timedelta(days=WINDOW_DAYS - 1)
    candidates = {
        site: days
        for site in sorted(sites_reported(history, first, day))
        if len(days := _neuropathic_days(history, site, first, day)) >= MIN_DAYS
    }
    if not candidates:
        return
    agent_first = day - timedelta(days=AGENT_LOOKBACK_DAYS - 1)
    if history.neuropathic_agent_in_use(agent_first, day) is not None:
        return
    for site, days in candidates.items():
        worst = max(history.daily_score(site, each) or 0 for each in days)
        qualities = sorted(set().union(*(found for found, _ in days.values())))
        described = ", ".join(quality.replace("_", " ") for quality in qualities)
        explanation = (
            f"{SITES[site].label} pain described as {described} on {len(days)} of the last "
            f"{WINDOW_DAYS} days (up to {worst}/10), with no "
            f"neuropathic agent planned or taken in the last {AGENT_LOOKBACK_DAYS} days"
        )
        tier = Tier.PRIORITY if worst >= PRIORITY_SCORE else Tier.ROUTINE
        yield Hit(tier, explanation, unique(i for _, ids in days.values() for i in ids), site)

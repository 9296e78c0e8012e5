"""Rule 11: pain that sounds neuropathic, at a site, in a patient not on a neuropathic agent."""

from collections.abc import Iterator
from datetime import date, timedelta

from shared.history import PatientHistory
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


def _qualities_by_site(history: PatientHistory, day: date) -> dict[str, tuple[set[str], list[str]]]:
    """The day's neuropathic qualities per site (its reports together), with the report ids."""
    found: dict[str, tuple[set[str], list[str]]] = {}
    for report in history.same_day_reports(day):
        for entry in report.sites:
            listed = [q for q in entry.qualities if q in NEUROPATHIC_QUALITIES]
            if listed:
                qualities, ids = found.setdefault(entry.site, (set(), []))
                qualities.update(listed)
                ids.append(report.id)
    return found


def _day_qualities(history: PatientHistory, day: date) -> dict[str, tuple[set[str], list[str]]]:
    return history.derived(day, ("neuropathic", day), lambda: _qualities_by_site(history, day))


def _neuropathic_days(
    history: PatientHistory, first: date, last: date
) -> dict[str, dict[date, tuple[set[str], list[str]]]]:
    """Per site, the days whose reports together give >= 2 neuropathic qualities there."""
    by_site: dict[str, dict[date, tuple[set[str], list[str]]]] = {}
    for each in history.logged_days(first, last):
        for site, (qualities, ids) in _day_qualities(history, each).items():
            if len(qualities) >= MIN_QUALITIES:
                by_site.setdefault(site, {})[each] = (qualities, ids)
    return by_site


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
        for site, days in sorted(_neuropathic_days(history, first, day).items())
        if len(days) >= MIN_DAYS
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

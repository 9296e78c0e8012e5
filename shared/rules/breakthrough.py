"""Rule 9: breakthrough doses used often enough to question the regular opioid."""

from collections.abc import Iterator
from datetime import timedelta

from shared.rules.base import Evaluation, Hit, Tier, rule, unique


@rule(
    id="breakthrough_overuse",
    version=1,
    suggested_action=(
        "Review and titrate the regular opioid; look for incident or neuropathic pain."
    ),
    citation="Portenoy & Hagen 1990; NICE CG140; count threshold [design]",
)
def breakthrough_overuse(evaluation: Evaluation) -> Iterator[Hit]:
    """Priority, for the patient: >= 3 breakthrough doses on each of D-1 and D, or >= 4 on D
    (both counts [design], configurable).

    Source: Portenoy & Hagen 1990; NICE CG140; count threshold [design].
    """
    history, day, config = evaluation.history, evaluation.day, evaluation.config
    yesterday = day - timedelta(days=1)
    today_doses = history.breakthrough_doses(day)
    yesterday_doses = history.breakthrough_doses(yesterday)
    reasons: list[str] = []
    evidence = []
    if len(today_doses) >= config.breakthrough_single_day:
        reasons.append(f"{len(today_doses)} breakthrough doses on {day.isoformat()}")
        evidence += today_doses
    per_day = config.breakthrough_per_day_consecutive
    if len(today_doses) >= per_day and len(yesterday_doses) >= per_day:
        reasons.append(
            f"{len(yesterday_doses)} and {len(today_doses)} breakthrough doses on 2 consecutive "
            f"days ({yesterday.isoformat()}, {day.isoformat()})"
        )
        evidence = yesterday_doses + today_doses
    if reasons:
        yield Hit(Tier.PRIORITY, "; ".join(reasons), unique(dose.id for dose in evidence))

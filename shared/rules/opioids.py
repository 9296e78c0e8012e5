"""Rule 10: the daily oral morphine equivalent climbing well above its own recent baseline."""

from collections.abc import Iterator
from datetime import date, timedelta

from shared.config import RulesConfig
from shared.history import PatientHistory
from shared.rules.base import Evaluation, Hit, Tier, number, rule, unique

# A 25 % change in OME is the consensus threshold for a meaningful change (Chow 2012).
RAISED = 1.25
DOUBLED = 2.0


def _ome_against_baseline(
    history: PatientHistory, on: date, config: RulesConfig
) -> tuple[float, float] | None:
    base = history.baseline_ome(on, config)
    return None if base is None else (history.daily_ome(on, config), base)


@rule(
    id="opioid_escalation",
    version=1,
    suggested_action=(
        "Look for progression, fracture, MSCC or hypercalcaemia; check for opioid toxicity."
    ),
    citation="consensus 25 % OME change (Chow 2012); CDC 2022 factors; window [design]",
)
def opioid_escalation(evaluation: Evaluation) -> Iterator[Hit]:
    """Priority, for the patient: the daily OME is >= 1.25 x the baseline OME on each of D-2,
    D-1 and D, each day against its own baseline (3 days [design], configurable), or the daily
    OME on D is >= 2 x the baseline OME of D. The baseline OME is the mean over D-10..D-4 and
    needs 4 of those days above 0; methadone and buprenorphine are not converted, and a dose above
    its plausible limit (`shared.vocab.dose_limits`) is left out until checked.

    Source: consensus 25 % OME change (Chow 2012); CDC 2022 factors; window [design].
    """
    history, day, config = evaluation.history, evaluation.day, evaluation.config
    days = [day - timedelta(days=back) for back in reversed(range(config.opioid_escalation_days))]
    values = [_ome_against_baseline(history, each, config) for each in days]
    reasons: list[str] = []
    raised_days: list[date] = []
    if all(v is not None and v[0] >= RAISED * v[1] for v in values):
        pairs = [v for v in values if v is not None]
        reasons.append(
            f"OME {', '.join(number(ome) for ome, _ in pairs)} mg/day on {days[0].isoformat()} "
            f"to {day.isoformat()} against baselines of "
            f"{', '.join(number(base) for _, base in pairs)} mg/day (1.25 x or more each day)"
        )
        raised_days = days
    today = values[-1]
    if today is not None and today[0] >= DOUBLED * today[1]:
        reasons.append(
            f"OME {number(today[0])} mg/day on {day.isoformat()}, "
            f"{number(round(today[0] / today[1], 1))} x the baseline of {number(today[1])} mg/day"
        )
        raised_days = raised_days or [day]
    if reasons:
        evidence = unique(d.id for each in raised_days for d in history.ome_doses(each, config))
        yield Hit(Tier.PRIORITY, "; ".join(reasons), evidence)

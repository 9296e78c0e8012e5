"""Oral morphine equivalents (OME) per day, from the dose records and the configured table.

For trend detection only, never dosing advice. A dose the table cannot convert (methadone,
buprenorphine, a non-opioid) adds nothing; the rules that read OME say so in their wording. Nor
does an implausible dose (above its limit in `shared.vocab.dose_limits`): one slip such as
"100000 mg" would otherwise raise opioid escalation and hide every real change for a fortnight.
"""

from datetime import date, timedelta
from math import fsum

from shared.config import RulesConfig
from shared.history.store import Records
from shared.plausibility import is_implausible
from shared.records import Dose
from shared.vocab import MEDICATIONS

# A patch is worn for three days: its day and the next two (catalogue, "Daily OME").
PATCH_DAYS = 3
BASELINE_OME_MIN_DAYS = 4
_MG_PER = {"mg": 1.0, "mcg": 0.001}


def is_patch(dose: Dose) -> bool:
    return MEDICATIONS[dose.medication].ome_unit == "mcg/h"


def dose_ome(dose: Dose, config: RulesConfig) -> float:
    """OME a dose adds to each day it counts for (0 if it cannot be converted or is implausible)."""
    if is_implausible(dose, config):
        return 0.0
    factor = config.ome_factor(dose.medication, dose.route)
    unit = MEDICATIONS[dose.medication].ome_unit
    if factor is None or unit is None:
        return 0.0
    if dose.unit == unit:
        return dose.dose * factor
    if unit in _MG_PER and dose.unit in _MG_PER:
        return dose.dose * _MG_PER[dose.unit] / _MG_PER[unit] * factor
    return 0.0


def daily_ome(records: Records, day: date, config: RulesConfig) -> float:
    """Sum of that day's converted opioid doses, plus patches applied in the two days before."""
    # Keyed by the config's identity (its OME table is not hashable); the config is kept with
    # the value so a different config object never reads another's result.
    kept, value = records.derived(
        day, ("ome", day, id(config)), lambda: (config, _daily_ome(records, day, config))
    )
    return value if kept is config else _daily_ome(records, day, config)


def _daily_ome(records: Records, day: date, config: RulesConfig) -> float:
    first = day - timedelta(days=PATCH_DAYS - 1)
    total = 0.0
    for dose in records.doses.between(first, day):
        if dose.day == day or is_patch(dose):
            total += dose_ome(dose, config)
    return total


def mean_daily_ome(records: Records, first: date, last: date, config: RulesConfig) -> float:
    """Mean daily OME over every day of first..last (days without doses count as 0)."""
    days = (last - first).days + 1
    return _mean([daily_ome(records, first + timedelta(days=n), config) for n in range(days)])


def baseline_ome(records: Records, day: date, config: RulesConfig) -> float | None:
    """Mean daily OME over D-10..D-4; needs >= 4 of those days above 0."""
    kept, value = records.derived(
        day - timedelta(days=4),
        ("baseline_ome", day, id(config)),
        lambda: (config, _baseline_ome(records, day, config)),
    )
    return value if kept is config else _baseline_ome(records, day, config)


def _baseline_ome(records: Records, day: date, config: RulesConfig) -> float | None:
    days = [day - timedelta(days=n) for n in range(4, 11)]
    values = [daily_ome(records, each, config) for each in days]
    if sum(value > 0 for value in values) < BASELINE_OME_MIN_DAYS:
        return None
    return _mean(values)


def breakthrough_doses(records: Records, day: date) -> list[Dose]:
    return [dose for dose in records.doses_on(day) if dose.purpose == "breakthrough"]


def ome_doses(records: Records, day: date, config: RulesConfig) -> list[Dose]:
    """The doses that make up that day's OME: its own converted doses and patches still on."""
    first = day - timedelta(days=PATCH_DAYS - 1)
    return [
        dose
        for dose in records.doses.between(first, day)
        if (dose.day == day or is_patch(dose)) and dose_ome(dose, config) > 0
    ]


def _mean(values: list[float]) -> float:
    # statistics.mean sums floats as exact fractions; fsum is as accurate here and far cheaper.
    return fsum(values) / len(values)

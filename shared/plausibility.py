"""Whether a dose is plausible: at most the configured largest single dose (`DOSE_LIMITS`).

An implausible dose is stored but left out of daily OME and every OME rule until someone checks
with the patient; the phone asks the patient's question before saving one.
"""

from shared.config import RulesConfig
from shared.records import Dose
from shared.vocab.dose_limits import DOSE_LIMITS

_MG_PER = {"mg": 1.0, "mcg": 0.001}


def exceeds_limit(
    medication: str, amount: float, unit: str, route: str, config: RulesConfig
) -> bool:
    """True when the amount is above the medication's limit for the route.

    A dose in a unit the limit cannot be converted from (ml, or mcg/h for a tablet) is not judged:
    without the liquid's strength nobody can say it is too much.
    """
    largest = config.dose_limit(medication, route)
    limit = DOSE_LIMITS.get(medication)
    if largest is None or limit is None:
        return False
    if unit == limit.unit:
        return amount > largest
    if unit in _MG_PER and limit.unit in _MG_PER:
        return amount * _MG_PER[unit] > largest * _MG_PER[limit.unit]
    return False


def is_implausible(dose: Dose, config: RulesConfig) -> bool:
    return exceeds_limit(dose.medication, dose.dose, dose.unit, dose.route, config)


def amount_text(amount: float) -> str:
    """'100000' rather than '1e+05' or '100000.0': the number as the patient typed it."""
    return f"{amount:f}".rstrip("0").rstrip(".")


def confirmation_question(amount: float, unit: str) -> str:
    """What the phone asks before saving a dose above its limit."""
    return f"Is {amount_text(amount)} {unit} right? That is far above usual doses"


def warning_message(dose: Dose) -> str:
    """The sync response's warning, and the note beside the dose on the dashboard."""
    return (
        f"{amount_text(dose.dose)} {dose.unit} is far above usual doses: stored, but left out of "
        "OME until checked with the patient"
    )

"""Rules 12 and 17: side effects of bone agents read from day D's reports (MRONJ, acute phase)."""

from collections.abc import Iterator

from shared.history import BoneAgentDose
from shared.history.medicines import is_bisphosphonate
from shared.rules.base import Evaluation, Hit, Tier, rule, unique
from shared.rules.words import medicine_words, symptom_words

MRONJ_SYMPTOMS = ("jaw_pain_swelling", "loose_tooth", "exposed_bone_mouth", "numb_lip_chin")
# Fever and aches from a bisphosphonate infusion start within 3 days and settle in 2-3.
ACUTE_PHASE_DAYS = 3


def _given_words(given: BoneAgentDose) -> str:
    return f"{medicine_words(given.agent)} given {given.day.isoformat()}"


@rule(
    id="possible_mronj",
    version=1,
    suggested_action="Dental / oral-maxillofacial assessment; avoid invasive dental work.",
    citation="ASCO/CCO 2017 (Van Poznak); AAOMS definition",
)
def possible_mronj(evaluation: Evaluation) -> Iterator[Hit]:
    """Priority, for the patient: a report of day D lists jaw pain or swelling, a loose tooth,
    exposed bone in the mouth or a numb lip or chin, or scores the jaw >= 1, in a patient who
    ever had a bisphosphonate or denosumab (treatment, dose record or medication plan).

    Source: ASCO/CCO 2017 (Van Poznak); AAOMS definition.
    """
    history, day = evaluation.history, evaluation.day
    seen: list[str] = []
    ids: list[str] = []
    for report in history.same_day_reports(day):
        symptoms = [code for code in MRONJ_SYMPTOMS if code in report.symptoms]
        jaw = report.score_at("jaw")
        if jaw is not None and jaw.score >= 1:
            symptoms.insert(0, f"jaw pain {jaw.score}/10")
        if symptoms:
            seen += symptoms
            ids.append(report.id)
    if not ids:
        return
    given = history.bone_agent_doses_until(day)
    planned = history.planned_bone_agent(day)
    if given:
        exposure = f"after {_given_words(given[-1])}"
    elif planned is not None:
        exposure = f"with {medicine_words(planned)} in the medication plan"
    else:
        return
    described = ", ".join(
        code if code.startswith("jaw pain ") else symptom_words([code])
        for code in dict.fromkeys(seen)
    )
    explanation = f"{described} reported on {day.isoformat()}, {exposure}"
    yield Hit(Tier.PRIORITY, explanation, unique([*ids, *(g.record_id for g in given[-1:])]))


@rule(
    id="acute_phase_reaction",
    version=1,
    suggested_action="Paracetamol or an NSAID; it settles in 2-3 days.",
    citation="ASCO/CCO 2017",
)
def acute_phase_reaction(evaluation: Evaluation) -> Iterator[Hit]:
    """Info, for the patient: a report of day D lists fever and aches, 0-3 days after a
    bisphosphonate dose (treatment or dose record).

    Source: ASCO/CCO 2017.
    """
    history, day = evaluation.history, evaluation.day
    ids = [r.id for r in history.same_day_reports(day) if "fever_aches" in r.symptoms]
    if not ids:
        return
    recent = [
        given
        for given in history.bone_agent_doses_until(day)
        if is_bisphosphonate(given) and (day - given.day).days <= ACUTE_PHASE_DAYS
    ]
    if not recent:
        return
    days_after = (day - recent[-1].day).days
    explanation = (
        f"fever and aches reported on {day.isoformat()}, {days_after} day"
        f"{'' if days_after == 1 else 's'} after {_given_words(recent[-1])}"
    )
    yield Hit(Tier.INFO, explanation, unique([*ids, recent[-1].record_id]))

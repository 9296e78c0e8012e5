"""Emergency symptom rules read from day D's reports alone: no pain score needed (rules 1, 4)."""

from collections.abc import Iterator

from shared.rules.base import Evaluation, Hit, Tier, rule, unique
from shared.vocab.terms import in_words

NEURO_RED_FLAGS = (
    "limb_weakness",
    "difficulty_walking",
    "numbness_limbs",
    "numbness_saddle",
    "bladder_bowel_change",
)


def _symptom_hit(evaluation: Evaluation, symptoms: tuple[str, ...], headline: str) -> Iterator[Hit]:
    reports = [
        report
        for report in evaluation.history.same_day_reports(evaluation.day)
        if set(report.symptoms) & set(symptoms)
    ]
    if not reports:
        return
    seen = [code for code in symptoms if any(code in report.symptoms for report in reports)]
    yield Hit(
        Tier.EMERGENCY,
        f"{headline}: {', '.join(in_words(code) for code in seen)} reported on "
        f"{evaluation.day.isoformat()} ({len(reports)} report{'s' if len(reports) > 1 else ''})",
        unique(report.id for report in reports),
    )


@rule(
    id="mscc_neuro_red_flag",
    version=1,
    suggested_action=(
        "Contact the MSCC coordinator or acute oncology now; MRI of the whole spine within 24 h."
    ),
    citation="NICE NG234 (2023); NICE CG75 (2008)",
    reads_doses=False,
)
def mscc_neuro_red_flag(evaluation: Evaluation) -> Iterator[Hit]:
    """Emergency: a report of day D lists limb weakness, difficulty walking, numbness of the
    limbs or saddle area, or a bladder or bowel change. No pain is needed.

    Source: NICE NG234 (2023); NICE CG75 (2008).
    """
    yield from _symptom_hit(evaluation, NEURO_RED_FLAGS, "possible spinal cord compression")


@rule(
    id="inability_to_bear_weight",
    version=1,
    suggested_action="Suspected pathological fracture: same-day assessment and imaging.",
    citation="Mirels 1989; BMJ 2021 (Downie)",
    reads_doses=False,
)
def inability_to_bear_weight(evaluation: Evaluation) -> Iterator[Hit]:
    """Emergency: a report of day D lists the symptom cannot_bear_weight.

    Source: Mirels 1989; BMJ 2021 (Downie).
    """
    yield from _symptom_hit(evaluation, ("cannot_bear_weight",), "possible pathological fracture")

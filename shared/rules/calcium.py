"""Rules 13 and 14: symptoms of a low or a high calcium."""

from collections.abc import Iterator
from datetime import timedelta

from shared.history.medicines import is_denosumab
from shared.rules.base import Evaluation, Hit, Tier, rule, unique
from shared.rules.words import symptom_words

HYPOCALCAEMIA_SYMPTOMS = ("muscle_cramps", "tingling_mouth_fingers", "seizure")
# Denosumab lowers calcium for months; the safety notice watches the first 6 months.
DENOSUMAB_WATCH_DAYS = 180
HYPERCALCAEMIA_SYMPTOMS = (
    "thirst",
    "frequent_urination",
    "constipation",
    "nausea_vomiting",
    "confusion_drowsiness",
)
CONFUSION = "confusion_drowsiness"
MIN_NEW_SYMPTOMS = 2
RECENT_DAYS = 7
EARLIER_FIRST, EARLIER_LAST = 20, 7


@rule(
    id="possible_hypocalcaemia",
    version=1,
    suggested_action="Same-day corrected calcium; ECG if symptomatic.",
    citation="MHRA/EMA denosumab safety notice; Xgeva label",
)
def possible_hypocalcaemia(evaluation: Evaluation) -> Iterator[Hit]:
    """Urgent (emergency with a seizure), for the patient: a report of day D lists muscle
    cramps, tingling around the mouth or in the fingers, or a seizure, 0-180 days after a
    denosumab dose (treatment or dose record).

    Source: MHRA/EMA denosumab safety notice; Xgeva label.
    """
    history, day = evaluation.history, evaluation.day
    reports = [
        r for r in history.same_day_reports(day) if set(r.symptoms) & set(HYPOCALCAEMIA_SYMPTOMS)
    ]
    if not reports:
        return
    doses = [
        given
        for given in history.bone_agent_doses_until(day)
        if is_denosumab(given) and (day - given.day).days <= DENOSUMAB_WATCH_DAYS
    ]
    if not doses:
        return
    seen = [code for code in HYPOCALCAEMIA_SYMPTOMS if any(code in r.symptoms for r in reports)]
    last = doses[-1]
    explanation = (
        f"{symptom_words(seen)} reported on {day.isoformat()}, {(day - last.day).days} days "
        f"after denosumab (given {last.day.isoformat()})"
    )
    tier = Tier.EMERGENCY if "seizure" in seen else Tier.URGENT
    yield Hit(tier, explanation, unique([*(r.id for r in reports), last.record_id]))


@rule(
    id="possible_hypercalcaemia",
    version=1,
    suggested_action="Same-day corrected calcium and renal function.",
    citation="NCI PDQ hypercalcaemia; RCEM guidance",
    reads_doses=False,
)
def possible_hypercalcaemia(evaluation: Evaluation) -> Iterator[Hit]:
    """Urgent (emergency when confusion or drowsiness is among them), for the patient: >= 2
    distinct symptoms from thirst, passing urine more often, constipation, nausea or vomiting,
    and confusion or drowsiness reported in D-6..D that were not reported in D-20..D-7; or
    confusion or drowsiness alone, new in the same sense.

    Source: NCI PDQ hypercalcaemia; RCEM guidance.
    """
    history, day = evaluation.history, evaluation.day
    recent = history.reports.between(day - timedelta(days=RECENT_DAYS - 1), day)
    earlier = history.reports.between(
        day - timedelta(days=EARLIER_FIRST), day - timedelta(days=EARLIER_LAST)
    )
    before = {code for report in earlier for code in report.symptoms}
    new = [
        code
        for code in HYPERCALCAEMIA_SYMPTOMS
        if code not in before and any(code in report.symptoms for report in recent)
    ]
    if len(new) < MIN_NEW_SYMPTOMS and CONFUSION not in new:
        return
    explanation = (
        f"new in the last {RECENT_DAYS} days (not reported in the 2 weeks before): "
        f"{symptom_words(new)}"
    )
    tier = Tier.EMERGENCY if CONFUSION in new else Tier.URGENT
    ids = unique(r.id for r in recent if set(r.symptoms) & set(new))
    yield Hit(tier, explanation, ids)

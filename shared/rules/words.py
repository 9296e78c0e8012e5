"""Plain words for the symptoms and medicines the rules name in their explanations."""

from shared.vocab import MEDICATIONS
from shared.vocab.terms import in_words

_SYMPTOMS = {
    "thirst": "more thirsty than usual",
    "frequent_urination": "passing urine more often",
    "nausea_vomiting": "nausea or vomiting",
    "confusion_drowsiness": "confusion or drowsiness",
    "muscle_cramps": "muscle cramps",
    "tingling_mouth_fingers": "tingling around the mouth or in the fingers",
    "jaw_pain_swelling": "jaw pain or swelling",
    "loose_tooth": "a loose tooth",
    "exposed_bone_mouth": "exposed bone in the mouth",
    "numb_lip_chin": "numb lip or chin",
    "fever_aches": "fever and aches",
}


def symptom_words(codes: list[str]) -> str:
    return ", ".join(_SYMPTOMS.get(code) or in_words(code) for code in codes)


def medicine_words(code: str) -> str:
    """A medication's label; treatment kinds ("bisphosphonate") read as themselves."""
    return MEDICATIONS[code].label if code in MEDICATIONS else code.replace("_", " ")

"""Plain code lists of wire format v1: qualities, aggravators, symptoms, routes, units and kinds.

Tuples keep the catalogue's order, which is the order error messages and the phone show them in.
"""

# LOINC code of the 0-10 numeric pain rating every site score uses.
PAIN_SCORE_LOINC = "72514-3"

QUALITIES = (
    "aching",
    "throbbing",
    "sharp",
    "stabbing",
    "burning",
    "shooting",
    "tingling",
    "numbness",
    "painful_cold",
    "itching",
    "touch_evoked",
    "band_like",
    "radiating",
)

AGGRAVATORS = ("weight_bearing", "movement", "cough_strain", "lying_flat", "night")

SYMPTOMS = (
    "limb_weakness",
    "difficulty_walking",
    "numbness_limbs",
    "numbness_saddle",
    "bladder_bowel_change",
    "cannot_bear_weight",
    "thirst",
    "frequent_urination",
    "constipation",
    "nausea_vomiting",
    "confusion_drowsiness",
    "muscle_cramps",
    "tingling_mouth_fingers",
    "seizure",
    "jaw_pain_swelling",
    "loose_tooth",
    "exposed_bone_mouth",
    "numb_lip_chin",
    "fever_aches",
)

# How much pain got in the way of each part of the day, 0-10 (our own items).
INTERFERENCE_ITEMS = ("sleep", "walking", "activity")

ROUTES = ("oral", "sc", "iv", "transdermal", "buccal", "intranasal", "sublingual", "rectal")

UNITS = ("mg", "mcg", "mcg/h", "ml")

DOSE_PURPOSES = ("scheduled", "breakthrough")

TREATMENT_KINDS = (
    "radiotherapy",
    "radiopharmaceutical",
    "vertebroplasty",
    "surgery",
    "ablation",
    "bisphosphonate",
    "denosumab",
    "systemic",
)

BONE_AGENT_TREATMENT_KINDS = frozenset({"bisphosphonate", "denosumab"})

PATIENT_STATUSES = ("active", "paused", "discharged", "deceased")

LESION_TYPES = ("lytic", "blastic", "mixed")

CORTICAL_INVOLVEMENT = ("lt_third", "third_to_two_thirds", "gt_two_thirds")

# Plain words for explanations; codes not listed read as the code with spaces.
SYMPTOM_WORDS = {
    "limb_weakness": "weakness in the arms or legs",
    "difficulty_walking": "difficulty walking",
    "numbness_limbs": "numbness in the arms or legs",
    "numbness_saddle": "numbness around the buttocks or genitals",
    "bladder_bowel_change": "a change in bladder or bowel control",
    "cannot_bear_weight": "cannot bear weight",
}


def in_words(code: str) -> str:
    return SYMPTOM_WORDS.get(code, code.replace("_", " "))

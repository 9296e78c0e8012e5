"""Plain words the phone shows for the shared codes: our own short phrases, one per code.

Site labels come from `shared.vocab.SITES`; everything else a patient taps is named here, so the
screens and their tests agree on the text. A code without a phrase reads as itself.
"""

from shared.vocab import MEDICATIONS, SITES

QUALITIES = {
    "aching": "Aching",
    "throbbing": "Throbbing",
    "sharp": "Sharp",
    "stabbing": "Stabbing",
    "burning": "Burning",
    "shooting": "Shooting",
    "tingling": "Pins and needles",
    "numbness": "Numb",
    "painful_cold": "Hurts with cold",
    "itching": "Itchy",
    "touch_evoked": "Hurts to touch",
    "band_like": "Tight band",
    "radiating": "Spreads out",
}

AGGRAVATORS = {
    "weight_bearing": "Standing on it",
    "movement": "Moving",
    "cough_strain": "Coughing, straining",
    "lying_flat": "Lying flat",
    "night": "At night",
}

SYMPTOMS = {
    "limb_weakness": "Arms or legs feel weak",
    "difficulty_walking": "Walking is harder than usual",
    "numbness_limbs": "Numb arms or legs",
    "numbness_saddle": "Numb between the legs or buttocks",
    "bladder_bowel_change": "Cannot control bladder or bowels",
    "cannot_bear_weight": "Cannot put weight on a leg",
    "thirst": "Very thirsty",
    "frequent_urination": "Passing water often",
    "constipation": "Constipated",
    "nausea_vomiting": "Feeling sick or vomiting",
    "confusion_drowsiness": "Confused or very drowsy",
    "muscle_cramps": "Muscle cramps",
    "tingling_mouth_fingers": "Tingling lips or fingers",
    "seizure": "Had a fit (seizure)",
    "jaw_pain_swelling": "Jaw pain or swelling",
    "loose_tooth": "A loose tooth",
    "exposed_bone_mouth": "Bone showing in the mouth",
    "numb_lip_chin": "Numb lip or chin",
    "fever_aches": "Fever and aches",
}

ROUTES = {
    "oral": "by mouth",
    "sc": "injection under the skin",
    "iv": "into a vein",
    "transdermal": "skin patch",
    "buccal": "inside the cheek",
    "intranasal": "nose spray",
    "sublingual": "under the tongue",
    "rectal": "rectal",
}


def site(code: str) -> str:
    known = SITES.get(code)
    label = known.label if known else code.replace("_", " ")
    return label[:1].upper() + label[1:]


def medication(code: str) -> str:
    known = MEDICATIONS.get(code)
    label = known.label if known else code.replace("_", " ")
    return label[:1].upper() + label[1:]

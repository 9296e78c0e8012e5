"""Controlled vocabularies of wire format v1: the only codes a record may carry.

Every list here mirrors the "Vocabularies" section of the rule catalogue
(`shared/handbook/clinical-rules.md`); the wire schemas validate against them and the rules
read them, so a code means the same thing on the phone, on the server and in replay.
"""

from shared.vocab.medications import MEDICATIONS, Medication, MedicationClass
from shared.vocab.sites import (
    LATERALITY_SNOMED,
    SITES,
    SPINAL_SITES,
    WEIGHT_BEARING_SITES,
    Laterality,
    Site,
)
from shared.vocab.terms import (
    AGGRAVATORS,
    BONE_AGENT_TREATMENT_KINDS,
    CORTICAL_INVOLVEMENT,
    DOSE_PURPOSES,
    INTERFERENCE_ITEMS,
    LESION_TYPES,
    PAIN_SCORE_LOINC,
    PATIENT_STATUSES,
    QUALITIES,
    ROUTES,
    SYMPTOMS,
    TREATMENT_KINDS,
    UNITS,
)

__all__ = [
    "AGGRAVATORS",
    "BONE_AGENT_TREATMENT_KINDS",
    "CORTICAL_INVOLVEMENT",
    "DOSE_PURPOSES",
    "INTERFERENCE_ITEMS",
    "LATERALITY_SNOMED",
    "LESION_TYPES",
    "MEDICATIONS",
    "PAIN_SCORE_LOINC",
    "PATIENT_STATUSES",
    "QUALITIES",
    "ROUTES",
    "SITES",
    "SPINAL_SITES",
    "SYMPTOMS",
    "TREATMENT_KINDS",
    "UNITS",
    "WEIGHT_BEARING_SITES",
    "Laterality",
    "Medication",
    "MedicationClass",
    "Site",
]

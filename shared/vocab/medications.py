"""Medicines a patient can log, with their class and default oral morphine equivalent (OME).

The OME factors are the catalogue's defaults (CDC 2022, for trend detection only, never dosing
advice); deployments override them through `RulesConfig.ome_factors`, which the history reads.
ATC codes are filled in only for the bone agents, whose codes the catalogue gives: the other
substances carry different ATC codes by product and use (methadone, codeine, fentanyl), so a
code is left empty until it is checked against the WHO ATC index for the product in question.
"""

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class MedicationClass(StrEnum):
    OPIOID = "opioid"
    NON_OPIOID = "non-opioid"
    NEUROPATHIC_AGENT = "neuropathic agent"
    BONE_AGENT = "bone agent"


@dataclass(frozen=True)
class Medication:
    code: str
    label: str
    drug_class: MedicationClass
    # OME per `ome_unit` of the dose; None = not converted (shown as excluded from OME).
    ome_factor: float | None = None
    # The unit opioid doses are logged in; "mcg/h" marks a patch, which lasts three days.
    ome_unit: str | None = None
    atc: str | None = None
    subclass: str | None = None


_OPIOID = MedicationClass.OPIOID
_PLAIN = MedicationClass.NON_OPIOID
_NEURO = MedicationClass.NEUROPATHIC_AGENT
_BONE = MedicationClass.BONE_AGENT

_MEDICATION_LIST = (
    Medication("morphine", "morphine", _OPIOID, 1.0, "mg"),
    Medication("oxycodone", "oxycodone", _OPIOID, 1.5, "mg"),
    Medication("hydromorphone", "hydromorphone", _OPIOID, 5.0, "mg"),
    Medication("hydrocodone", "hydrocodone", _OPIOID, 1.0, "mg"),
    Medication("oxymorphone", "oxymorphone", _OPIOID, 3.0, "mg"),
    Medication("codeine", "codeine", _OPIOID, 0.15, "mg"),
    Medication("tramadol", "tramadol", _OPIOID, 0.2, "mg"),
    Medication("tapentadol", "tapentadol", _OPIOID, 0.4, "mg"),
    Medication("fentanyl_patch", "fentanyl patch", _OPIOID, 2.4, "mcg/h"),
    Medication("fentanyl_buccal", "fentanyl (buccal)", _OPIOID, 0.13, "mcg"),
    Medication("fentanyl_nasal", "fentanyl (nasal)", _OPIOID, 0.16, "mcg"),
    # No fixed ratio converts these safely; the catalogue excludes them from OME.
    Medication("methadone", "methadone", _OPIOID, None, "mg"),
    Medication("buprenorphine_patch", "buprenorphine patch", _OPIOID, None, "mcg/h"),
    Medication("paracetamol", "paracetamol", _PLAIN),
    Medication("ibuprofen", "ibuprofen", _PLAIN, subclass="NSAID"),
    Medication("naproxen", "naproxen", _PLAIN, subclass="NSAID"),
    Medication("diclofenac", "diclofenac", _PLAIN, subclass="NSAID"),
    Medication("dexamethasone", "dexamethasone", _PLAIN, subclass="steroid"),
    Medication("prednisolone", "prednisolone", _PLAIN, subclass="steroid"),
    Medication("gabapentin", "gabapentin", _NEURO),
    Medication("pregabalin", "pregabalin", _NEURO),
    Medication("duloxetine", "duloxetine", _NEURO),
    Medication("amitriptyline", "amitriptyline", _NEURO),
    Medication("nortriptyline", "nortriptyline", _NEURO),
    Medication("zoledronic_acid", "zoledronic acid", _BONE, atc="M05BA08"),
    Medication("pamidronate", "pamidronate", _BONE, atc="M05BA03"),
    Medication("denosumab", "denosumab", _BONE, atc="M05BX04"),
)

MEDICATIONS: MappingProxyType[str, Medication] = MappingProxyType(
    {medication.code: medication for medication in _MEDICATION_LIST}
)

"""What the patient takes or is planned to take, by class: neuropathic agents and bone agents.

A class counts when a dose record of it exists or the care team's medication plan lists it;
either is enough, because patients do not log every tablet and plans lag behind practice.
"""

from datetime import date

from shared.history.store import Records
from shared.history.treatments import BoneAgentDose, bone_agent_doses
from shared.records import PlannedMedication, Treatment
from shared.vocab import BONE_AGENT_TREATMENT_KINDS, MEDICATIONS, MedicationClass

BISPHOSPHONATES = frozenset({"bisphosphonate", "zoledronic_acid", "pamidronate"})


def _planned(records: Records, drug_class: MedicationClass) -> list[PlannedMedication]:
    plan = records.context.medications if records.context else ()
    return [item for item in plan if MEDICATIONS[item.medication].drug_class is drug_class]


def neuropathic_agent_in_use(records: Records, first: date, last: date) -> str | None:
    """A neuropathic agent dosed in first..last or in the plan on any of those days, or None."""
    for dose in records.doses.between(first, last):
        if MEDICATIONS[dose.medication].drug_class is MedicationClass.NEUROPATHIC_AGENT:
            return dose.medication
    for item in _planned(records, MedicationClass.NEUROPATHIC_AGENT):
        if item.since <= last and (item.until is None or item.until >= first):
            return item.medication
    return None


def bone_agent_doses_until(records: Records, day: date) -> list[BoneAgentDose]:
    """Bone-agent administrations on or before `day`, oldest first."""
    return [given for given in bone_agent_doses(records) if given.day <= day]


def planned_bone_agent(records: Records, day: date) -> str | None:
    """A bone agent the plan lists from `day` or earlier, or None."""
    planned = [i for i in _planned(records, MedicationClass.BONE_AGENT) if i.since <= day]
    return planned[0].medication if planned else None


def is_denosumab(given: BoneAgentDose) -> bool:
    return given.agent == "denosumab"


def is_bisphosphonate(given: BoneAgentDose) -> bool:
    return given.agent in BISPHOSPHONATES


def bone_agent_records(records: Records, day: date) -> list[Treatment]:
    """Bone-agent treatment records started on or before `day`, stop records included."""
    return [
        treatment
        for treatment in records.treatments
        if treatment.kind in BONE_AGENT_TREATMENT_KINDS and treatment.started_on <= day
    ]

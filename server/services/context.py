"""The patient context a clinician keeps: care team, time zone, helpline, status, lesions, plan.

A change is a whole new context at a higher revision. Discharging a patient, or recording their
death, revokes their phones and any unspent enrollment code; time-based rules skip patients who
are not active.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from server.models import Patient, PatientStatus
from server.security.actors import Clinician
from server.services.access import patient_in_reach
from server.services.alerts import evaluate_now, keys_holding
from server.services.change_numbers import next_change
from server.services.devices import revoke_patient_devices
from server.services.errors import Conflict, InvalidInput
from server.services.patients import revoke_codes
from server.services.time_zones import is_known_time_zone
from shared import records
from shared.config import RulesConfig
from shared.wire import PatientContextSchema, dump_context

ENDED = (PatientStatus.DISCHARGED, PatientStatus.DECEASED)


def replace_context(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    context: records.PatientContext,
    now: datetime,
    rules_config: RulesConfig,
) -> Patient:
    patient = patient_in_reach(session, clinician, patient_id, for_update=True)
    check_fits(context, clinician, patient_id)
    held = keys_holding(session, patient, now, rules_config)
    if context.revision <= patient.context_revision:
        raise Conflict(
            f"This patient's context is at revision {patient.context_revision}; send revision "
            f"{patient.context_revision + 1} (someone may have changed it since you read it)."
        )
    wire = dump_context(context)
    status = PatientStatus(context.status)
    if status in ENDED and patient.status not in ENDED:
        revoke_patient_devices(session, patient.id, now)
        revoke_codes(session, patient.id, now)
    patient.care_team_id = uuid.UUID(wire["care_team_id"])
    patient.time_zone = wire["time_zone"]
    patient.helpline = wire["helpline"]
    patient.status = status
    patient.lesions = wire["lesions"]
    patient.medications = wire["medications"]
    patient.context_revision = context.revision
    patient.context_change_seq = next_change(session, patient.id)
    # A new lesion or plan can change what the engine sees (Mirels score, neuropathic agent).
    session.flush()
    changed = f"The patient's details (lesions, medication plan) changed on {now:%d %b %Y}"
    evaluate_now(session, patient, now, rules_config, held, changed)
    session.commit()
    return patient


def check_fits(
    context: records.PatientContext, clinician: Clinician, patient_id: uuid.UUID
) -> None:
    """What the shared schema cannot know: whose context this is, the teams, the zone database."""
    problems: dict[str, list[str]] = {}
    if uuid.UUID(context.id) != patient_id:
        problems["id"] = ["must be the patient's id, as in the URL"]
    if context.care_team_id is None or uuid.UUID(context.care_team_id) not in clinician.team_ids:
        problems["care_team_id"] = ["not one of your care teams"]
    if context.time_zone is None or not is_known_time_zone(context.time_zone):
        problems["time_zone"] = [f"{context.time_zone!r} is not a known IANA time zone"]
    if problems:
        raise InvalidInput("The context does not fit this patient.", problems)


def as_record(patient: Patient) -> records.PatientContext:
    """The stored context as the wire record the phone and the engine read."""
    wire = {
        "id": str(patient.id),
        "revision": patient.context_revision,
        "care_team_id": str(patient.care_team_id),
        "time_zone": patient.time_zone,
        "helpline": patient.helpline,
        "status": patient.status.value,
        "lesions": patient.lesions,
        "medications": patient.medications,
    }
    context: records.PatientContext = PatientContextSchema().load(wire)
    return context

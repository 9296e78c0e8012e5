"""Treatments entered by clinicians: add, correct (a higher revision) and delete (a tombstone).

Records arrive already validated by the shared wire schema, as `shared.records.Treatment`.
Every write takes the next number of the patient's change sequence, so phones pull it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from server.models import Patient, Treatment
from server.security.actors import Clinician
from server.services.access import patient_in_reach
from server.services.alerts import evaluate_now, keys_holding
from server.services.change_numbers import next_change
from server.services.errors import Conflict, InvalidInput, NotFound
from server.services.treatment_records import as_record
from shared import records
from shared.config import RulesConfig
from shared.vocab import SITES
from shared.wire import dump_treatment

NO_SUCH_TREATMENT = "No such treatment for this patient."


def add_treatment(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    record: records.Treatment,
    now: datetime,
    rules_config: RulesConfig,
) -> Treatment:
    patient = patient_in_reach(session, clinician, patient_id, for_update=True)
    if record.deleted:
        raise InvalidInput(
            "A new treatment cannot start deleted.", {"deleted": ["must be false when adding"]}
        )
    if session.get(Treatment, uuid.UUID(record.id)) is not None:
        raise Conflict(
            "A treatment with this id already exists; PUT a higher revision to correct it."
        )
    held = keys_holding(session, patient, now, rules_config)
    treatment = Treatment(
        id=uuid.UUID(record.id), clinic_id=patient.clinic_id, patient_id=patient.id, created_at=now
    )
    write(session, treatment, record, clinician, now)
    session.add(treatment)
    session.flush()
    evaluate_now(
        session, patient, now, rules_config, held, f"{in_words(record)} entered on {now:%d %b %Y}"
    )
    session.commit()
    return treatment


def correct_treatment(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    treatment_id: uuid.UUID,
    record: records.Treatment,
    now: datetime,
    rules_config: RulesConfig,
) -> Treatment:
    patient = patient_in_reach(session, clinician, patient_id, for_update=True)
    treatment = treatment_of(session, patient, treatment_id)
    if uuid.UUID(record.id) != treatment_id:
        raise InvalidInput(
            "The id in the body must be the one in the URL.", {"id": ["must match the URL"]}
        )
    if record.revision <= treatment.revision:
        raise Conflict(
            f"This treatment is at revision {treatment.revision}; send revision "
            f"{treatment.revision + 1} (someone may have changed it since you read it)."
        )
    held = keys_holding(session, patient, now, rules_config)
    write(session, treatment, record, clinician, now)
    session.flush()
    evaluate_now(
        session, patient, now, rules_config, held, f"{in_words(record)} corrected on {now:%d %b %Y}"
    )
    session.commit()
    return treatment


def delete_treatment(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    treatment_id: uuid.UUID,
    now: datetime,
    rules_config: RulesConfig,
) -> None:
    """A tombstone at the next revision, so phones learn of the delete; deleting twice is fine."""
    patient = patient_in_reach(session, clinician, patient_id, for_update=True)
    treatment = treatment_of(session, patient, treatment_id)
    if not treatment.deleted:
        held = keys_holding(session, patient, now, rules_config)
        deleted = f"{in_words(as_record(treatment))} deleted on {now:%d %b %Y}"
        treatment.deleted = True
        treatment.revision += 1
        treatment.updated_at = now
        treatment.updated_by = clinician.user_id
        treatment.change_seq = next_change(session, patient.id)
        session.flush()
        evaluate_now(session, patient, now, rules_config, held, deleted)
    session.commit()


def in_words(record: records.Treatment) -> str:
    """ "Radiotherapy to the skull": how an alert that the change undid names the treatment."""
    kind = record.kind.replace("_", " ")
    labels = [SITES[site].label if site in SITES else site for site in record.sites]
    sites = f" to the {', '.join(labels)}" if labels else ""
    return f"{kind[:1].upper()}{kind[1:]}{sites}"


def treatment_of(session: Session, patient: Patient, treatment_id: uuid.UUID) -> Treatment:
    treatment = session.get(Treatment, treatment_id)
    if treatment is None or treatment.patient_id != patient.id:
        raise NotFound(NO_SUCH_TREATMENT)
    return treatment


def write(
    session: Session,
    treatment: Treatment,
    record: records.Treatment,
    clinician: Clinician,
    now: datetime,
) -> None:
    wire = dump_treatment(record)
    treatment.kind = record.kind
    treatment.sites = list(record.sites)
    treatment.started_on = record.started_on
    treatment.ended_on = record.ended_on
    treatment.details = wire["details"]
    treatment.revision = record.revision
    treatment.deleted = record.deleted
    treatment.updated_at = now
    treatment.updated_by = clinician.user_id
    treatment.change_seq = next_change(session, treatment.patient_id)

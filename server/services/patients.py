"""Registering patients, listing and reading them, and issuing enrollment codes for their phones."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from server.models import CareTeam, EnrollmentCode, Patient, PatientStatus
from server.security.actors import Clinician
from server.security.enrollment_codes import CODE_LIFETIME, hash_code, new_code
from server.services.access import patient_in_reach, patients_in_reach
from server.services.errors import Conflict, InvalidInput
from server.services.paging import one_page

NOT_YOUR_TEAM = "Not one of your care teams."


@dataclass(frozen=True)
class IssuedCode:
    code: str
    expires_at: datetime


@dataclass(frozen=True)
class NewPatient:
    patient: Patient
    enrollment: IssuedCode


def create_patient(
    session: Session, clinician: Clinician, fields: dict[str, Any], now: datetime
) -> NewPatient:
    team = team_of_clinician(session, clinician, fields["care_team_id"])
    patient = Patient(
        clinic_id=team.clinic_id,
        care_team_id=team.id,
        display_name=fields["display_name"],
        time_zone=fields.get("time_zone") or "UTC",
        helpline=team.helpline,
        created_at=now,
    )
    session.add(patient)
    session.flush()
    issued = issue_code(session, patient, now)
    session.commit()
    return NewPatient(patient=patient, enrollment=issued)


def team_of_clinician(session: Session, clinician: Clinician, team_id: uuid.UUID) -> CareTeam:
    team = session.get(CareTeam, team_id) if team_id in clinician.team_ids else None
    if team is None:
        raise InvalidInput(NOT_YOUR_TEAM, {"care_team_id": [NOT_YOUR_TEAM]})
    return team


@dataclass(frozen=True)
class PatientPage:
    items: list[Patient]
    total: int


def list_patients(
    session: Session, clinician: Clinician, status: PatientStatus | None, first: int, size: int
) -> PatientPage:
    """One page of the clinician's teams' patients, by name, and how many there are in all."""
    query = patients_in_reach(clinician)
    if status is not None:
        query = query.where(Patient.status == status)
    rows, total = one_page(session, query, (Patient.display_name, Patient.id), first, size)
    return PatientPage(items=rows, total=total)


def get_patient(session: Session, clinician: Clinician, patient_id: uuid.UUID) -> Patient:
    return patient_in_reach(session, clinician, patient_id)


def new_enrollment_code(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, now: datetime
) -> IssuedCode:
    patient = patient_in_reach(session, clinician, patient_id, for_update=True)
    if patient.status in (PatientStatus.DISCHARGED, PatientStatus.DECEASED):
        raise Conflict(
            f"This patient is {patient.status.value}; set their status back to active first."
        )
    issued = issue_code(session, patient, now)
    session.commit()
    return issued


def issue_code(session: Session, patient: Patient, now: datetime) -> IssuedCode:
    """A fresh code for `patient` (the caller commits); any unspent code dies with it."""
    revoke_codes(session, patient.id, now)
    code = new_code()
    expires_at = now + CODE_LIFETIME
    session.add(
        EnrollmentCode(
            clinic_id=patient.clinic_id,
            patient_id=patient.id,
            code_hash=hash_code(code),
            created_at=now,
            expires_at=expires_at,
        )
    )
    return IssuedCode(code=code, expires_at=expires_at)


def revoke_codes(session: Session, patient_id: uuid.UUID, now: datetime) -> None:
    session.execute(
        update(EnrollmentCode)
        .where(
            EnrollmentCode.patient_id == patient_id,
            EnrollmentCode.spent_at.is_(None),
            EnrollmentCode.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )

"""Registering patients, listing, reading and correcting them, and issuing enrollment codes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.models import CareTeam, EnrollmentCode, Patient, PatientStatus
from server.security.actors import Clinician
from server.security.enrollment_codes import CODE_LIFETIME, hash_code, new_code
from server.services.access import patient_in_reach, patients_in_reach
from server.services.errors import Conflict, InvalidInput
from server.services.paging import one_page
from server.services.patient_search import matching, search_text

NOT_YOUR_TEAM = "Not one of your care teams."
DUPLICATE_MRN = (
    "Another patient of this clinic already has this hospital number (mrn); "
    "check the number, or find that patient with the search."
)
IDENTIFIERS = ("display_name", "mrn", "birth_date", "sex")


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
        mrn=clean_mrn(fields.get("mrn")),
        birth_date=fields.get("birth_date"),
        sex=fields.get("sex"),
        time_zone=fields.get("time_zone") or "UTC",
        helpline=team.helpline,
        created_at=now,
    )
    check_mrn_free(session, patient)
    session.add(patient)
    flush_identifiers(session)
    issued = issue_code(session, patient, now)
    session.commit()
    return NewPatient(patient=patient, enrollment=issued)


def update_patient(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, fields: dict[str, Any]
) -> Patient:
    """Correct who the patient is (name, MRN, date of birth, sex); the rest stays as it was."""
    patient = patient_in_reach(session, clinician, patient_id, for_update=True)
    for name in IDENTIFIERS:
        if name in fields:
            setattr(patient, name, clean_mrn(fields[name]) if name == "mrn" else fields[name])
    check_mrn_free(session, patient)
    flush_identifiers(session)
    session.commit()
    return patient


def clean_mrn(mrn: str | None) -> str | None:
    return mrn.strip() or None if mrn is not None else None


def check_mrn_free(session: Session, patient: Patient) -> None:
    if patient.mrn is None:
        return
    same = select(Patient.id).where(
        Patient.clinic_id == patient.clinic_id, Patient.mrn == patient.mrn
    )
    if patient.id is not None:
        same = same.where(Patient.id != patient.id)
    with session.no_autoflush:
        holder = session.scalar(same)
    if holder is not None:
        raise Conflict(DUPLICATE_MRN, {"mrn": [DUPLICATE_MRN]})


def flush_identifiers(session: Session) -> None:
    """Flush, and a second writer's same MRN (between the check and here) is the same 409."""
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise Conflict(DUPLICATE_MRN, {"mrn": [DUPLICATE_MRN]}) from None


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
    session: Session,
    clinician: Clinician,
    status: PatientStatus | None,
    first: int,
    size: int,
    q: str | None = None,
) -> PatientPage:
    """One page of the clinician's teams' patients, by name, and how many there are in all;
    `q` keeps those whose name holds it or whose MRN starts with it."""
    query = patients_in_reach(clinician)
    if status is not None:
        query = query.where(Patient.status == status)
    if (typed := search_text(q)) is not None:
        query = query.where(matching(typed))
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

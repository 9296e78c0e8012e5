"""Small builders for server tests: a clinic, teams, staff, patients, and the tokens they hold.

Builders add and flush; the test (or `build_world`) commits. Every staff account shares one
password, hashed once, because argon2id is slow on purpose.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy.orm import Session

from server.models import (
    ApiToken,
    CareTeam,
    Clinic,
    DeviceToken,
    Patient,
    PatientStatus,
    Role,
    Treatment,
    User,
)
from server.models.base import utcnow
from server.security.passwords import hash_password
from server.security.tokens import CLINICIAN_TOKEN_LIFETIME, hash_token, new_token
from server.security.totp import new_secret
from server.services.patients import issue_code

PASSWORD = "correct horse battery staple"


@cache
def password_hash() -> str:
    return hash_password(PASSWORD)


def a_clinic(session: Session, name: str = "St Elsewhere") -> Clinic:
    clinic = Clinic(name=name)
    session.add(clinic)
    session.flush()
    return clinic


def a_team(session: Session, clinic: Clinic, name: str = "Bone Oncology") -> CareTeam:
    team = CareTeam(clinic=clinic, name=name, helpline="+44 20 7946 0000")
    session.add(team)
    session.flush()
    return team


def a_clinician(
    session: Session, teams: list[CareTeam], email: str = "dr.a@example.org", totp: bool = False
) -> User:
    user = User(
        clinic=teams[0].clinic,
        email=email,
        password_hash=password_hash(),
        role=Role.CLINICIAN,
        totp_secret=new_secret() if totp else None,
        teams=teams,
    )
    session.add(user)
    session.flush()
    return user


def an_admin(session: Session, clinic: Clinic, email: str = "admin@example.org") -> User:
    user = User(
        clinic=clinic,
        email=email,
        password_hash=password_hash(),
        role=Role.ADMIN,
        totp_secret=new_secret(),
    )
    session.add(user)
    session.flush()
    return user


def a_patient(
    session: Session,
    team: CareTeam,
    name: str = "Ada Example",
    status: PatientStatus = PatientStatus.ACTIVE,
) -> Patient:
    patient = Patient(
        clinic_id=team.clinic_id, care_team_id=team.id, display_name=name, status=status
    )
    session.add(patient)
    session.flush()
    return patient


def a_staff_token(session: Session, user: User, expires_at: datetime | None = None) -> str:
    token = new_token()
    expires_at = expires_at or utcnow() + CLINICIAN_TOKEN_LIFETIME
    session.add(ApiToken(user=user, token_hash=hash_token(token), expires_at=expires_at))
    session.flush()
    return token


def a_device(
    session: Session, patient: Patient, last_used_at: datetime | None = None
) -> tuple[str, DeviceToken]:
    token = new_token()
    device = DeviceToken(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        token_hash=hash_token(token),
        device_name="Test phone",
        last_used_at=last_used_at or utcnow(),
    )
    session.add(device)
    session.flush()
    return token, device


def an_enrollment_code(session: Session, patient: Patient, now: datetime | None = None) -> str:
    issued = issue_code(session, patient, now or utcnow())
    session.flush()
    return issued.code


def a_treatment(session: Session, patient: Patient) -> Treatment:
    started = (utcnow() - timedelta(days=10)).date()
    treatment = Treatment(
        id=uuid.uuid4(),
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        kind="radiotherapy",
        sites=["femur_left"],
        started_on=started,
        ended_on=started,
        details={"dose_gy": 8, "fractions": 1},
    )
    session.add(treatment)
    session.flush()
    return treatment


@dataclass
class World:
    """Two patients in two teams of one clinic, the staff around them, and everyone's tokens.

    Patient A belongs to team A (clinician A); patient B to team B (clinician B).
    """

    clinic: Clinic
    team_a: CareTeam
    team_b: CareTeam
    clinician_a: User
    clinician_b: User
    admin: User
    patient_a: Patient
    patient_b: Patient
    device_a: DeviceToken
    treatment_a: Treatment
    tokens: dict[str, str]
    enrollment_code_a: str

    def bearer(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who in self.tokens else {}


def build_world(session: Session) -> World:
    clinic = a_clinic(session)
    team_a = a_team(session, clinic, "Team A")
    team_b = a_team(session, clinic, "Team B")
    clinician_a = a_clinician(session, [team_a], "clinician.a@example.org")
    clinician_b = a_clinician(session, [team_b], "clinician.b@example.org")
    admin = an_admin(session, clinic)
    patient_a = a_patient(session, team_a, "Patient A")
    patient_b = a_patient(session, team_b, "Patient B")
    device_a_token, device_a = a_device(session, patient_a)
    device_b_token, _ = a_device(session, patient_b)
    world = World(
        clinic=clinic,
        team_a=team_a,
        team_b=team_b,
        clinician_a=clinician_a,
        clinician_b=clinician_b,
        admin=admin,
        patient_a=patient_a,
        patient_b=patient_b,
        device_a=device_a,
        treatment_a=a_treatment(session, patient_a),
        enrollment_code_a=an_enrollment_code(session, patient_a),
        tokens={
            "clinician_a": a_staff_token(session, clinician_a),
            "clinician_b": a_staff_token(session, clinician_b),
            "admin": a_staff_token(session, admin),
            "device_a": device_a_token,
            "device_b": device_b_token,
        },
    )
    session.commit()
    return world

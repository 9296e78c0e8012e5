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


@dataclass(frozen=True)
class Side:
    """One patient and everything around them: their team, clinician, phone and records."""

    name: str
    team: CareTeam
    clinician: User
    patient: Patient
    device: DeviceToken
    treatment: Treatment
    enrollment_code: str


@dataclass
class World:
    """Two patients in two teams of one clinic, the staff around them, and everyone's tokens.

    Patient A belongs to team A (clinician A); patient B to team B (clinician B). `tokens` is
    keyed "clinician_a", "clinician_b", "admin", "device_a", "device_b".
    """

    clinic: Clinic
    admin: User
    a: Side
    b: Side
    tokens: dict[str, str]

    def bearer(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who in self.tokens else {}

    def side(self, name: str) -> Side:
        return self.a if name == "a" else self.b

    # Shorthands that keep tests short.
    @property
    def team_a(self) -> CareTeam:
        return self.a.team

    @property
    def team_b(self) -> CareTeam:
        return self.b.team

    @property
    def clinician_a(self) -> User:
        return self.a.clinician

    @property
    def clinician_b(self) -> User:
        return self.b.clinician

    @property
    def patient_a(self) -> Patient:
        return self.a.patient

    @property
    def patient_b(self) -> Patient:
        return self.b.patient

    @property
    def device_a(self) -> DeviceToken:
        return self.a.device

    @property
    def treatment_a(self) -> Treatment:
        return self.a.treatment

    @property
    def enrollment_code_a(self) -> str:
        return self.a.enrollment_code


def build_side(session: Session, clinic: Clinic, name: str, tokens: dict[str, str]) -> Side:
    team = a_team(session, clinic, f"Team {name.upper()}")
    clinician = a_clinician(session, [team], f"clinician.{name}@example.org")
    patient = a_patient(session, team, f"Patient {name.upper()}")
    device_token, device = a_device(session, patient)
    tokens[f"clinician_{name}"] = a_staff_token(session, clinician)
    tokens[f"device_{name}"] = device_token
    return Side(
        name=name,
        team=team,
        clinician=clinician,
        patient=patient,
        device=device,
        treatment=a_treatment(session, patient),
        enrollment_code=an_enrollment_code(session, patient),
    )


def build_world(session: Session) -> World:
    clinic = a_clinic(session)
    admin = an_admin(session, clinic)
    tokens = {"admin": a_staff_token(session, admin)}
    world = World(
        clinic=clinic,
        admin=admin,
        a=build_side(session, clinic, "a", tokens),
        b=build_side(session, clinic, "b", tokens),
        tokens=tokens,
    )
    session.commit()
    return world

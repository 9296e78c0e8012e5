"""Demo data for `make run`: a clinic, a care team, a clinician and their patients, only into an
empty database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import CareTeam, Clinic, EmailChannel, EscalationContact, Role, User
from server.security.passwords import hash_password
from server.services.demo_patients import seed_demo_patients
from shared.config import RulesConfig

DEMO_CLINIC = "Demo Clinic"
DEMO_TEAM = "Bone Oncology"
DEMO_EMAIL = "demo.clinician@painline.example"
DEMO_PASSWORD = "painline-demo"
DEMO_TEAM_INBOX = "bone-oncology@painline.example"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str


def seed_demo(session: Session, now: datetime, config: RulesConfig) -> DemoLogin | None:
    """Create the demo clinic, team and clinician in an empty database.

    Returns the demo login when the demo clinician exists (now or from an earlier run), None
    when the database holds other data, which is left untouched.
    """
    if session.scalar(select(Clinic.id).limit(1)) is not None:
        existing = session.scalar(select(User.id).where(User.email == DEMO_EMAIL))
        return DemoLogin(DEMO_EMAIL, DEMO_PASSWORD) if existing else None
    clinic = Clinic(name=DEMO_CLINIC)
    team = CareTeam(
        clinic=clinic,
        name=DEMO_TEAM,
        helpline="+44 20 7946 0000",
        out_of_hours_text="Out of hours, call the acute oncology line on +44 20 7946 0001.",
        emergency_number="999",
    )
    clinician = User(
        clinic=clinic,
        email=DEMO_EMAIL,
        password_hash=hash_password(DEMO_PASSWORD),
        role=Role.CLINICIAN,
        teams=[team],
    )
    session.add_all([clinic, team, clinician])
    session.flush()
    # Alert-ready, as a real team must be: a team inbox (`make run` delivers it to its local mail
    # catcher) and the demo clinician as escalation contact.
    session.add_all(
        [
            EmailChannel(clinic_id=clinic.id, care_team_id=team.id, address=DEMO_TEAM_INBOX),
            EscalationContact(clinic_id=clinic.id, care_team_id=team.id, user_id=clinician.id),
        ]
    )
    session.commit()
    seed_demo_patients(session, team, now, config)
    return DemoLogin(DEMO_EMAIL, DEMO_PASSWORD)

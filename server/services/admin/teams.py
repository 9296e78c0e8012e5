"""Care teams of the admin's clinic: creating them, their members, and the settings the phones
receive on every sync (helpline, "call now" and out-of-hours texts, check-in reminder)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from server.models import CareTeam, Role, team_members
from server.security.actors import Admin
from server.services import accounts
from server.services.admin.clinic import clinic_of, team_of, user_of
from server.services.admin.mail_fields import one_line
from server.services.errors import Conflict, InvalidInput

REMINDER_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
EMERGENCY_NUMBER = re.compile(r"^\d{2,8}$")


@dataclass(frozen=True)
class TeamSettings:
    helpline: str
    call_now_text: str
    out_of_hours_text: str
    check_in_reminder: str
    emergency_number: str = "112"


def clinic_teams(session: Session, admin: Admin) -> list[CareTeam]:
    query = select(CareTeam).where(CareTeam.clinic_id == admin.clinic_id).order_by(CareTeam.name)
    return list(session.scalars(query))


def create_team(session: Session, admin: Admin, name: str) -> CareTeam:
    name = name.strip()
    if not 1 <= len(name) <= 200:
        raise InvalidInput("A team needs a name of at most 200 characters.")
    # The name goes into the Subject of the team's test notification.
    one_line(name, "A team name")
    return accounts.create_team(session, clinic_of(session, admin).name, name)


def update_settings(
    session: Session, admin: Admin, team_id: uuid.UUID, settings: TeamSettings
) -> CareTeam:
    team = team_of(session, admin, team_id)
    problems: dict[str, str] = {}
    if len(settings.helpline) > 40:
        problems["helpline"] = "the helpline has at most 40 characters"
    if not settings.call_now_text or len(settings.call_now_text) > 500:
        problems["call_now_text"] = 'the "call now" text is needed, at most 500 characters'
    if len(settings.out_of_hours_text) > 500:
        problems["out_of_hours_text"] = "the out-of-hours text has at most 500 characters"
    if not REMINDER_TIME.match(settings.check_in_reminder):
        problems["check_in_reminder"] = "the reminder time reads HH:MM, 00:00 to 23:59"
    if not EMERGENCY_NUMBER.match(settings.emergency_number):
        problems["emergency_number"] = (
            "the emergency number is 2 to 8 digits, such as 999, 112 or 911"
        )
    if problems:
        raise InvalidInput(
            "Please check the settings: " + "; ".join(problems.values()) + ".",
            {field: [problem] for field, problem in problems.items()},
        )
    team.helpline = settings.helpline
    team.call_now_text = settings.call_now_text
    team.out_of_hours_text = settings.out_of_hours_text
    team.check_in_reminder = settings.check_in_reminder
    team.emergency_number = settings.emergency_number
    session.commit()
    return team


def add_member(session: Session, admin: Admin, team_id: uuid.UUID, user_id: uuid.UUID) -> None:
    team = team_of(session, admin, team_id)
    user = user_of(session, admin, user_id)
    if user.role != Role.CLINICIAN:
        raise InvalidInput("Only clinicians join care teams; admins see no clinical data.")
    if team in user.teams:
        raise Conflict(f"{user.email} is already in {team.name}.")
    session.execute(insert(team_members).values(user_id=user.id, care_team_id=team.id))
    session.commit()


def remove_member(session: Session, admin: Admin, team_id: uuid.UUID, user_id: uuid.UUID) -> None:
    team = team_of(session, admin, team_id)
    user = user_of(session, admin, user_id)
    session.execute(
        delete(team_members).where(
            team_members.c.user_id == user.id, team_members.c.care_team_id == team.id
        )
    )
    session.commit()

"""Users of the admin's clinic: create, deactivate, reset a password, enrol an authenticator."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from server.models import Role, User
from server.security.actors import Admin
from server.security.totp import new_secret, provisioning_uri
from server.services import accounts
from server.services.admin.clinic import clinic_of, team_of, user_of
from server.services.errors import InvalidInput


def clinic_users(session: Session, admin: Admin) -> list[User]:
    query = (
        select(User)
        .where(User.clinic_id == admin.clinic_id)
        .options(selectinload(User.teams))
        .order_by(User.active.desc(), User.email)
    )
    return list(session.scalars(query))


def create_user(
    session: Session,
    admin: Admin,
    email: str,
    password: str,
    role: Role,
    team_ids: list[uuid.UUID],
    with_totp: bool,
) -> accounts.NewUser:
    teams = [team_of(session, admin, team_id) for team_id in team_ids]
    clinic = clinic_of(session, admin)
    names = [team.name for team in teams] if role == Role.CLINICIAN else []
    return accounts.create_user(session, email, password, role, names, clinic.name, with_totp)


def deactivate_user(session: Session, admin: Admin, user_id: uuid.UUID, now: datetime) -> User:
    user = user_of(session, admin, user_id)
    if user.id == admin.user_id:
        raise InvalidInput("You cannot deactivate your own account.")
    return accounts.deactivate_user(session, user.email, now)


def reset_password(
    session: Session, admin: Admin, user_id: uuid.UUID, password: str, now: datetime
) -> User:
    return accounts.reset_password(session, user_of(session, admin, user_id).email, password, now)


def enrol_totp(session: Session, admin: Admin, user_id: uuid.UUID) -> str:
    """A new authenticator secret for the user; the old one stops working. Returns the URI."""
    user = user_of(session, admin, user_id)
    user.totp_secret = new_secret()
    user.totp_last_step = None
    session.commit()
    return provisioning_uri(user.totp_secret, user.email)

"""Users of the admin's clinic: create, deactivate, reset a password, enrol an authenticator,
clear failed sign-ins.

Admins never choose a user's password: a new or reset account gets a one-time link instead
(`server.services.password_links`), so no admin can sign in as a clinician.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from server.models import Role, User
from server.security.actors import Admin
from server.security.totp import new_secret, provisioning_uri
from server.services import accounts, failed_sign_ins, password_links
from server.services.admin.clinic import clinic_of, team_of, user_of
from server.services.errors import InvalidInput


@dataclass(frozen=True)
class UserWithLink:
    """An account whose password its user still has to choose, with the link to choose it."""

    user: User
    link_token: str
    otpauth_uri: str | None = None


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
    role: Role,
    team_ids: list[uuid.UUID],
    with_totp: bool,
    now: datetime,
) -> UserWithLink:
    teams = [team_of(session, admin, team_id) for team_id in team_ids]
    clinic = clinic_of(session, admin)
    names = [team.name for team in teams] if role == Role.CLINICIAN else []
    created = accounts.add_user(
        session,
        email,
        accounts.unusable_password_hash(),
        role,
        names,
        clinic.name,
        with_totp,
    )
    token = password_links.add_link(session, created.user, admin.user_id, now)
    session.commit()
    return UserWithLink(created.user, token, created.otpauth_uri)


def deactivate_user(session: Session, admin: Admin, user_id: uuid.UUID, now: datetime) -> User:
    user = user_of(session, admin, user_id)
    if user.id == admin.user_id:
        raise InvalidInput("You cannot deactivate your own account.")
    return accounts.deactivate_user(session, user.email, now)


def reset_password(
    session: Session, admin: Admin, user_id: uuid.UUID, now: datetime
) -> UserWithLink:
    """The old password and every session end now; the user chooses a new one with the link."""
    user = user_of(session, admin, user_id)
    accounts.end_password(session, user, now)
    token = password_links.add_link(session, user, admin.user_id, now)
    session.commit()
    return UserWithLink(user, token)


def enrol_totp(session: Session, admin: Admin, user_id: uuid.UUID) -> str:
    """A new authenticator secret for the user; the old one stops working. Returns the URI."""
    user = user_of(session, admin, user_id)
    user.totp_secret = new_secret()
    user.totp_last_step = None
    session.commit()
    return provisioning_uri(user.totp_secret, user.email)


def clear_failed_sign_ins(session: Session, admin: Admin, user_id: uuid.UUID) -> User:
    """The user's failed sign-ins, from every address, stop slowing them down at once."""
    user = user_of(session, admin, user_id)
    failed_sign_ins.clear(session, user.email)
    session.commit()
    return user

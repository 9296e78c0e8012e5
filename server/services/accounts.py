"""Clinics, care teams and user accounts: the command line's and the admin pages' shared core."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.models import CareTeam, Clinic, Role, User
from server.security.passwords import hash_password
from server.security.totp import new_secret, provisioning_uri
from server.services.authentication import revoke_user_tokens
from server.services.errors import Conflict, InvalidInput, NotFound

# NIST SP 800-63B asks for at least 8; these accounts open many patients' records.
MIN_PASSWORD_LENGTH = 12


@dataclass(frozen=True)
class NewUser:
    user: User
    otpauth_uri: str | None


def create_clinic(session: Session, name: str) -> Clinic:
    if session.scalar(select(Clinic).where(Clinic.name == name)) is not None:
        raise Conflict(f"A clinic named {name!r} already exists.")
    clinic = Clinic(name=name)
    session.add(clinic)
    session.commit()
    return clinic


def create_team(session: Session, clinic_name: str, team_name: str) -> CareTeam:
    clinic = clinic_named(session, clinic_name)
    taken = select(CareTeam).where(CareTeam.clinic_id == clinic.id, CareTeam.name == team_name)
    if session.scalar(taken) is not None:
        raise Conflict(f"{clinic_name} already has a team named {team_name!r}.")
    team = CareTeam(clinic=clinic, name=team_name)
    session.add(team)
    session.commit()
    return team


def create_user(
    session: Session,
    email: str,
    password: str,
    role: Role,
    team_names: list[str],
    clinic_name: str | None,
    with_totp: bool,
) -> NewUser:
    check_password(password)
    created = add_user(
        session, email, hash_password(password), role, team_names, clinic_name, with_totp
    )
    session.commit()
    return created


def add_user(
    session: Session,
    email: str,
    password_hash: str,
    role: Role,
    team_names: list[str],
    clinic_name: str | None,
    with_totp: bool,
) -> NewUser:
    """Admins always get an authenticator secret; clinicians when `with_totp` asks for one.

    Clinicians join the named teams. Admins join no team (they see no clinical data); a team
    named for an admin only tells which clinic they run. The caller commits.
    """
    email = email.strip().lower()
    if session.scalar(select(User).where(func.lower(User.email) == email)) is not None:
        raise Conflict(f"A user with the email {email} already exists.")
    if role == Role.CLINICIAN and not team_names:
        raise InvalidInput(
            "A clinician needs at least one care team: choose one (--team on the command line)."
        )
    teams = [team_named(session, name, clinic_name) for name in team_names]
    clinic = teams[0].clinic if teams else clinic_named(session, clinic_name or "")
    if any(team.clinic_id != clinic.id for team in teams):
        raise InvalidInput("All of a user's teams must belong to one clinic.")
    secret = new_secret() if with_totp or role == Role.ADMIN else None
    user = User(
        clinic=clinic,
        email=email,
        password_hash=password_hash,
        role=role,
        totp_secret=secret,
        teams=teams if role == Role.CLINICIAN else [],
    )
    session.add(user)
    session.flush()
    return NewUser(user=user, otpauth_uri=provisioning_uri(secret, email) if secret else None)


def deactivate_user(session: Session, email: str, now: datetime) -> User:
    user = user_with_email(session, email)
    user.active = False
    revoke_user_tokens(session, user, now)
    session.commit()
    return user


def reset_password(session: Session, email: str, password: str, now: datetime) -> User:
    """A new password ends every open session of the user."""
    check_password(password)
    user = user_with_email(session, email)
    user.password_hash = hash_password(password)
    revoke_user_tokens(session, user, now)
    session.commit()
    return user


def end_password(session: Session, user: User, now: datetime) -> None:
    """The old password stops working and every open session ends (the caller commits)."""
    user.password_hash = unusable_password_hash()
    revoke_user_tokens(session, user, now)


def unusable_password_hash() -> str:
    """The hash of a secret nobody is told: no password matches it, and checking a guess against
    it takes as long as against a real one, so sign-in timing says nothing about the account."""
    return hash_password(secrets.token_urlsafe(32))


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")


def clinic_named(session: Session, name: str) -> Clinic:
    clinic = session.scalar(select(Clinic).where(Clinic.name == name))
    if clinic is None:
        raise NotFound(f"No clinic named {name!r}.")
    return clinic


def team_named(session: Session, name: str, clinic_name: str | None) -> CareTeam:
    query = select(CareTeam).where(CareTeam.name == name)
    if clinic_name is not None:
        query = query.where(CareTeam.clinic_id == clinic_named(session, clinic_name).id)
    teams = session.scalars(query).all()
    if not teams:
        raise NotFound(f"No care team named {name!r}.")
    if len(teams) > 1:
        raise InvalidInput(f"Several clinics have a team named {name!r}: add --clinic.")
    return teams[0]


def user_with_email(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None:
        raise NotFound(f"No user with the email {email}.")
    return user

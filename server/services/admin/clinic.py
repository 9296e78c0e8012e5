"""Rows of the admin's own clinic, or a 404 that never says whether another clinic has them."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy.orm import Session

from server.models import CareTeam, Clinic, User
from server.security.actors import Admin
from server.services.errors import NotFound

Row = TypeVar("Row", CareTeam, User)


def clinic_of(session: Session, admin: Admin) -> Clinic:
    return session.get_one(Clinic, admin.clinic_id)


def own(session: Session, admin: Admin, model: type[Row], row_id: uuid.UUID, what: str) -> Row:
    row = session.get(model, row_id)
    if row is None or row.clinic_id != admin.clinic_id:
        raise NotFound(f"No such {what} in your clinic.")
    return row


def team_of(session: Session, admin: Admin, team_id: uuid.UUID) -> CareTeam:
    return own(session, admin, CareTeam, team_id, "care team")


def user_of(session: Session, admin: Admin, user_id: uuid.UUID) -> User:
    return own(session, admin, User, user_id, "user")

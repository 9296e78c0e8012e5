"""From a presented bearer token to the actor it stands for, or None when it stands for nobody.

A clinician's token dies after 12 hours, on logout, on a password reset and when the user is
deactivated. A device token dies when the team revokes it, when its patient is discharged or has
died, and when it has not been used for 180 days; that last check happens here, at use.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from server.models import ApiToken, DeviceToken, Patient, PatientStatus, Role, User, team_members
from server.security.actors import Actor, Admin, Clinician, PatientDevice
from server.security.tokens import DEVICE_LAST_USED_PRECISION, DEVICE_TOKEN_IDLE_LIMIT, hash_token

ENDED_STATUSES = (PatientStatus.DISCHARGED, PatientStatus.DECEASED)


def resolve_token(session: Session, token: str, now: datetime) -> Actor | None:
    token_hash = hash_token(token)
    # Phones sync far more often than clinicians call: their lookup goes first.
    return device_actor(session, token_hash, now) or staff_actor(session, token_hash, now)


def staff_actor(session: Session, token_hash: str, now: datetime) -> Clinician | Admin | None:
    row = session.execute(
        select(ApiToken.id, User.id, User.clinic_id, User.role)
        .join(User, ApiToken.user_id == User.id)
        .where(
            ApiToken.token_hash == token_hash,
            ApiToken.revoked_at.is_(None),
            ApiToken.expires_at > now,
            User.active.is_(True),
        )
    ).one_or_none()
    if row is None:
        return None
    token_id, user_id, clinic_id, role = row
    if role == Role.ADMIN:
        return Admin(user_id=user_id, clinic_id=clinic_id, token_id=token_id)
    team_ids = session.scalars(
        select(team_members.c.care_team_id).where(team_members.c.user_id == user_id)
    ).all()
    return Clinician(
        user_id=user_id, clinic_id=clinic_id, token_id=token_id, team_ids=frozenset(team_ids)
    )


# Plain columns, not the ORM entity, and built once: every sync starts here.
DEVICE_BY_TOKEN = (
    select(
        DeviceToken.id,
        DeviceToken.patient_id,
        DeviceToken.clinic_id,
        DeviceToken.last_used_at,
        Patient.status,
    )
    .join(Patient, DeviceToken.patient_id == Patient.id)
    .where(DeviceToken.token_hash == bindparam("token_hash"), DeviceToken.revoked_at.is_(None))
)


def device_actor(session: Session, token_hash: str, now: datetime) -> PatientDevice | None:
    found = session.execute(DEVICE_BY_TOKEN, {"token_hash": token_hash}).one_or_none()
    if found is None:
        return None
    device_id, patient_id, clinic_id, last_used_at, status = found
    if status in ENDED_STATUSES:
        return None
    if now - last_used_at > DEVICE_TOKEN_IDLE_LIMIT:
        touch_device(session, device_id, revoked_at=now)
        return None
    if now - last_used_at > DEVICE_LAST_USED_PRECISION:
        touch_device(session, device_id, last_used_at=now)
    return PatientDevice(device_id=device_id, patient_id=patient_id, clinic_id=clinic_id)


def touch_device(session: Session, device_id: uuid.UUID, **values: datetime) -> None:
    session.execute(update(DeviceToken).where(DeviceToken.id == device_id).values(**values))
    session.commit()

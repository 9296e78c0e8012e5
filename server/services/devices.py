"""Revoking patients' device tokens: one phone, or every phone of a patient."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from server.models import DeviceToken, Patient
from server.services.errors import NotFound


def revoke_device(session: Session, device_id: uuid.UUID, now: datetime) -> None:
    revoked = session.execute(
        update(DeviceToken)
        .where(DeviceToken.id == device_id, DeviceToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    if revoked.rowcount != 1:
        raise NotFound("No such device, or it is already revoked.")
    session.commit()


def revoke_all_devices_of(session: Session, patient_id: uuid.UUID, now: datetime) -> int:
    if session.get(Patient, patient_id) is None:
        raise NotFound("No such patient.")
    count = revoke_patient_devices(session, patient_id, now)
    session.commit()
    return count


def revoke_patient_devices(session: Session, patient_id: uuid.UUID, now: datetime) -> int:
    """Revoke every live device of the patient (the caller commits); returns how many."""
    revoked = session.execute(
        update(DeviceToken)
        .where(DeviceToken.patient_id == patient_id, DeviceToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return revoked.rowcount

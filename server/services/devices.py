"""Patients' enrolled phones: listed for their care team, revoked by the team or an operator."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server.models import DeviceToken, Patient
from server.security.actors import Clinician
from server.services.access import patient_in_reach
from server.services.errors import NotFound

NO_SUCH_DEVICE = "No such device for this patient."


def list_devices(
    session: Session, clinician: Clinician, patient_id: uuid.UUID
) -> list[DeviceToken]:
    """Every phone the patient ever enrolled, newest first, revoked ones included."""
    patient = patient_in_reach(session, clinician, patient_id)
    return list(
        session.scalars(
            select(DeviceToken)
            .where(DeviceToken.patient_id == patient.id)
            .order_by(DeviceToken.created_at.desc(), DeviceToken.id)
        )
    )


def revoke_device_of_patient(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    device_id: uuid.UUID,
    now: datetime,
) -> None:
    """A lost or replaced phone stops syncing; revoking twice is fine."""
    patient = patient_in_reach(session, clinician, patient_id)
    device = session.get(DeviceToken, device_id)
    if device is None or device.patient_id != patient.id:
        raise NotFound(NO_SUCH_DEVICE)
    if device.revoked_at is None:
        device.revoked_at = now
    session.commit()


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

"""Enrollment: a patient's phone trades a one-time code for its own device token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server.models import DeviceToken, EnrollmentCode, Patient, PatientStatus
from server.security import rate_limits
from server.security.enrollment_codes import hash_code
from server.security.rate_limits import ENROLL_FAILURES_PER_ADDRESS
from server.security.tokens import hash_token, new_token
from server.services.errors import NotAuthenticated

CODE_NOT_ACCEPTED = (
    "This enrollment code is not recognised, has been used or has expired. "
    "Ask your care team for a new one."
)


@dataclass(frozen=True)
class Enrolled:
    token: str
    patient_id: uuid.UUID


def enroll(session: Session, code: str, device_name: str, address: str, now: datetime) -> Enrolled:
    rate_limits.check(session, ENROLL_FAILURES_PER_ADDRESS, address, now)
    enrollment = live_code(session, code, now)
    if enrollment is None:
        rate_limits.record_failure(session, ENROLL_FAILURES_PER_ADDRESS, address, now)
        session.commit()
        raise NotAuthenticated(CODE_NOT_ACCEPTED)
    token = new_token()
    device = DeviceToken(
        clinic_id=enrollment.clinic_id,
        patient_id=enrollment.patient_id,
        token_hash=hash_token(token),
        device_name=device_name,
        created_at=now,
        last_used_at=now,
    )
    session.add(device)
    session.flush()
    spend(session, enrollment, device, now)
    session.commit()
    return Enrolled(token=token, patient_id=enrollment.patient_id)


def live_code(session: Session, code: str, now: datetime) -> EnrollmentCode | None:
    return session.scalar(
        select(EnrollmentCode)
        .join(Patient, EnrollmentCode.patient_id == Patient.id)
        .where(
            EnrollmentCode.code_hash == hash_code(code),
            EnrollmentCode.spent_at.is_(None),
            EnrollmentCode.revoked_at.is_(None),
            EnrollmentCode.expires_at > now,
            Patient.status.in_((PatientStatus.ACTIVE, PatientStatus.PAUSED)),
        )
        .with_for_update(of=EnrollmentCode)
    )


def spend(session: Session, enrollment: EnrollmentCode, device: DeviceToken, now: datetime) -> None:
    """Spend the code; the `spent_at IS NULL` guard makes a racing second phone lose cleanly."""
    spent = session.execute(
        update(EnrollmentCode)
        .where(EnrollmentCode.id == enrollment.id, EnrollmentCode.spent_at.is_(None))
        .values(spent_at=now, device_id=device.id)
    )
    if spent.rowcount != 1:
        session.rollback()
        raise NotAuthenticated(CODE_NOT_ACCEPTED)

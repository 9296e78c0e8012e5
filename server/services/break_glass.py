"""Break-glass: a clinician opens a patient outside their care teams, for a stated reason.

The grant lasts `BREAK_GLASS_MINUTES`; the request is in the audit log like any other, the grant
keeps the reason, and the clinic's admins get an email about it (`report_break_glass`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import BreakGlassGrant, Patient, Role, User
from server.security.actors import Clinician
from server.services.access import NO_SUCH_PATIENT
from server.services.errors import InvalidInput, NotFound

BREAK_GLASS_MINUTES = 60
MIN_REASON_LENGTH = 10
MAX_REASON_LENGTH = 500
NO_REASON = (
    f"State why you need this patient's record ({MIN_REASON_LENGTH} to "
    f"{MAX_REASON_LENGTH} characters): break-glass access is never given without a reason."
)


@dataclass(frozen=True)
class BreakGlassReport:
    """What the admins are told: who, which patient (by id, never by name), why, until when."""

    grant_id: uuid.UUID
    clinician_email: str
    patient_id: uuid.UUID
    reason: str
    granted_at: datetime
    expires_at: datetime
    admin_emails: list[str]


def break_glass(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, reason: str, now: datetime
) -> BreakGlassReport:
    reason = " ".join(reason.split())
    if not MIN_REASON_LENGTH <= len(reason) <= MAX_REASON_LENGTH:
        raise InvalidInput(NO_REASON, {"reason": [NO_REASON]})
    patient = session.scalar(
        select(Patient).where(Patient.id == patient_id, Patient.clinic_id == clinician.clinic_id)
    )
    if patient is None:
        raise NotFound(NO_SUCH_PATIENT)
    grant = BreakGlassGrant(
        clinic_id=clinician.clinic_id,
        user_id=clinician.user_id,
        patient_id=patient.id,
        reason=reason,
        granted_at=now,
        expires_at=now + timedelta(minutes=BREAK_GLASS_MINUTES),
    )
    session.add(grant)
    email = session.scalar(select(User.email).where(User.id == clinician.user_id)) or ""
    admins = session.scalars(
        select(User.email).where(
            User.clinic_id == clinician.clinic_id, User.role == Role.ADMIN, User.active.is_(True)
        )
    )
    session.commit()
    return BreakGlassReport(
        grant_id=grant.id,
        clinician_email=email,
        patient_id=patient.id,
        reason=reason,
        granted_at=now,
        expires_at=grant.expires_at,
        admin_emails=sorted(set(admins)),
    )

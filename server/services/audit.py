"""Writing the audit log: one row per clinician request that read or wrote patient data."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from server.models import AuditEvent, Role
from server.security.actors import Clinician


@dataclass(frozen=True)
class Access:
    """What one request did: the action, the patients it reached, and how it ended."""

    action: str
    patient_ids: tuple[uuid.UUID, ...]
    method: str
    route: str
    path: str
    address: str
    status: int


def record_access(session: Session, clinician: Clinician, access: Access, now: datetime) -> None:
    write_row(session, access, now, clinician.clinic_id, clinician.user_id, Role.CLINICIAN)


def write_row(
    session: Session,
    access: Access,
    now: datetime,
    clinic_id: uuid.UUID,
    user_id: uuid.UUID,
    role: Role,
) -> None:
    """One audit row for a finished request, committed on its own."""
    # The request is over: anything a failed service left uncommitted must not commit with
    # the audit row.
    session.rollback()
    session.add(
        AuditEvent(
            at=now,
            clinic_id=clinic_id,
            user_id=user_id,
            role=role.value,
            patient_ids=unique_ids(access.patient_ids),
            method=access.method,
            route=access.route[:200],
            path=access.path[:500],
            action=access.action,
            address=access.address[:64],
            status=access.status,
        )
    )
    session.commit()


def unique_ids(ids: Iterable[uuid.UUID]) -> list[str]:
    return list(dict.fromkeys(str(patient_id) for patient_id in ids))

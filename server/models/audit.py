"""The audit log: one row per clinician request that read or wrote patient data.

Rows are only ever added (on PostgreSQL a trigger refuses UPDATE and DELETE). They carry no
foreign keys on purpose: the log must outlive and never block changes to the rows it names.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, JSONDocument, new_id, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_clinic_at", "clinic_id", "at"),
        Index("ix_audit_events_user_at", "user_id", "at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    clinic_id: Mapped[uuid.UUID]
    user_id: Mapped[uuid.UUID]
    role: Mapped[str] = mapped_column(String(20))
    # The patients the request reached, or asked for when it was refused.
    patient_ids: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    method: Mapped[str] = mapped_column(String(10))
    route: Mapped[str] = mapped_column(String(200))
    # The path as called: it names the record an unsuccessful request asked for.
    path: Mapped[str] = mapped_column(String(500))
    action: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(String(64))
    status: Mapped[int]

"""Break-glass access: a clinician opens a patient outside their teams for a stated reason.

A grant lasts a fixed time from when it was given; the reason is kept with it, and the request
that asked for it is in the audit log too.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, new_id, utcnow


class BreakGlassGrant(Base):
    __tablename__ = "break_glass_grants"
    __table_args__ = (Index("ix_break_glass_grants_user_patient", "user_id", "patient_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    reason: Mapped[str] = mapped_column(String(500))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]

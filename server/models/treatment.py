"""Treatments entered by clinicians (radiotherapy, bone agents, surgery...), as on the wire.

The id comes from whoever created the record and never changes. A correction raises `revision`;
a delete is a tombstone (`deleted`), so phones learn of it on their next sync.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, JSONDocument, utcnow


class Treatment(Base):
    __tablename__ = "treatments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"), index=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    sites: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    details: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    revision: Mapped[int] = mapped_column(default=1)
    deleted: Mapped[bool] = mapped_column(default=False)
    # Position in the patient's change sequence, so phones pull corrections and deletions.
    change_seq: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))

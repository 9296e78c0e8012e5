"""Pain reports and doses pushed by patients' phones, and every version ever received.

The current row holds the latest revision (its wire JSON in `body`, so pulls and the engine read
exactly what the phone sent); `RecordRevision` keeps each version, conflicts included. Nothing is
edited in place from the phone's point of view: a delete is a tombstone revision.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, JSONDocument, utcnow


class PatientRecordMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    # The local calendar date in the record's own UTC offset: the catalogue's "day".
    local_day: Mapped[date]
    revision: Mapped[int]
    deleted: Mapped[bool] = mapped_column(default=False)
    body: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    # Position in the patient's change sequence: pulls return rows with a higher value.
    change_seq: Mapped[int]
    # The phone's clock was ahead of the server's (accepted within 26 h, and flagged).
    clock_ahead: Mapped[bool] = mapped_column(default=False)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    device_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("device_tokens.id"))


class PainReport(PatientRecordMixin, Base):
    __tablename__ = "pain_reports"
    __table_args__ = (
        Index("ix_pain_reports_patient_time", "patient_id", "recorded_at"),
        Index("ix_pain_reports_patient_change", "patient_id", "change_seq"),
    )

    recorded_at: Mapped[datetime]


class Dose(PatientRecordMixin, Base):
    __tablename__ = "doses"
    __table_args__ = (
        Index("ix_doses_patient_time", "patient_id", "taken_at"),
        Index("ix_doses_patient_change", "patient_id", "change_seq"),
    )

    taken_at: Mapped[datetime]
    # Bone-agent doses count however old they are, so the engine loads them by medication.
    medication: Mapped[str] = mapped_column(String(40), default="")


class RecordRevision(Base):
    """One version of a report or dose as received, kept whether it won, lost or conflicted."""

    __tablename__ = "record_revisions"
    __table_args__ = (Index("ix_record_revisions_record", "record_kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"), index=True)
    record_kind: Mapped[str] = mapped_column(String(10))
    record_id: Mapped[uuid.UUID]
    revision: Mapped[int]
    body: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    # Same revision number as the stored one but other content: two devices edited one record.
    conflict: Mapped[bool] = mapped_column(default=False)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    device_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("device_tokens.id"))

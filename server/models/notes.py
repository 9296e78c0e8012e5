"""Clinicians' notes: the thread of an alert and the notes about a patient.

Entries are only ever added: who wrote what, and when, stays as it was written.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, new_id, utcnow
from server.models.user import User


class NoteAction(enum.StrEnum):
    ACKNOWLEDGED = "acknowledged"
    COMMENTED = "commented"
    RESOLVED = "resolved"
    # Written by the escalation timer, not a person: who was told, or that nobody could be.
    ESCALATED = "escalated"


class AlertNote(Base):
    """One entry of an alert's thread: acknowledged (note optional), a comment, resolved, or the
    escalation timer's record of whom it told."""

    __tablename__ = "alert_notes"
    __table_args__ = (Index("ix_alert_notes_alert", "alert_id", "at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    alert_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alerts.id"))
    action: Mapped[NoteAction] = mapped_column(
        Enum(
            NoteAction,
            name="note_action",
            values_callable=lambda actions: [a.value for a in actions],
        )
    )
    text: Mapped[str | None] = mapped_column(Text)
    # None for the escalation timer's entries and those from before notes had authors.
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship(lazy="joined")


class PatientNote(Base):
    """A clinician's note about the patient, not tied to an alert ("phoned, family aware")."""

    __tablename__ = "patient_notes"
    __table_args__ = (Index("ix_patient_notes_patient", "patient_id", "at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship(lazy="joined")

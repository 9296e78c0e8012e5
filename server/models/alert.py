"""Alerts raised from the engine's findings, the outbox of alert events, and snoozes.

An alert stores everything a clinician needs to see why it fired (rule and version, tier, site,
evidence, explanation, suggested action, citation, configuration hash). `AlertEvent` rows are
the transactional outbox: written in the transaction that raised or changed the alert, and fanned
out into deliveries by the worker.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.models.base import Base, JSONDocument, new_id, utcnow
from server.models.notes import AlertNote
from server.models.user import User


class Alert(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        Index("ix_alerts_key", "patient_id", "rule", "site"),
        Index("ix_alerts_status_tier", "status", "tier"),
        Index("ix_alerts_patient_change", "patient_id", "change_seq"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    rule: Mapped[str] = mapped_column(String(60))
    rule_version: Mapped[int]
    tier: Mapped[str] = mapped_column(String(12))
    site: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="open")
    explanation: Mapped[str] = mapped_column(Text)
    suggested_action: Mapped[str] = mapped_column(Text)
    citation: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    # Evidence records deleted or edited after the alert used them: kept, and shown as such.
    withdrawn: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    config_hash: Mapped[str] = mapped_column(String(64))
    # Evaluated more than 14 days before the server's clock (a backfill): created resolved.
    historical: Mapped[bool] = mapped_column(default=False)
    raised_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    outcome: Mapped[str | None] = mapped_column(String(20))
    # Position in the patient's change sequence: phones pull the alert's status.
    change_seq: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When the scheduler sent it to the team's escalation contacts (once; acknowledging stops it).
    escalated_at: Mapped[datetime | None]
    # A clinician's change (a treatment, the context) undid the finding while the alert was
    # active: when, and which change. A later finding of the same key clears both.
    no_longer_holds_since: Mapped[datetime | None]
    no_longer_holds_because: Mapped[str | None] = mapped_column(Text)

    # Who did what, oldest first. Loaded on access: the engine, which reads alerts on every
    # sync, never touches them; lists load them with `selectinload`.
    notes: Mapped[list[AlertNote]] = relationship(order_by=(AlertNote.at, AlertNote.id))
    acknowledger: Mapped[User | None] = relationship(foreign_keys=[acknowledged_by])
    resolver: Mapped[User | None] = relationship(foreign_keys=[resolved_by])


class AlertEvent(Base):
    """One alert event (raised, tier raised, escalated), waiting for the worker to deliver it."""

    __tablename__ = "alert_events"
    __table_args__ = (Index("ix_alert_events_undispatched", "dispatched_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    alert_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alerts.id"), index=True)
    type: Mapped[str] = mapped_column(String(30))
    tier: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    dispatched_at: Mapped[datetime | None]


class Snooze(Base):
    """A clinician's decision to hold back new alerts of one rule for a patient, with a reason."""

    __tablename__ = "snoozes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"), index=True)
    rule: Mapped[str] = mapped_column(String(60))
    site: Mapped[str | None] = mapped_column(String(40))
    starts_at: Mapped[datetime]
    until: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))

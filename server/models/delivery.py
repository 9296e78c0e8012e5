"""Delivery of alert events: one row per (event, channel, recipient), dead letters, the stream.

A `Delivery` id is the idempotency key receivers see (`webhook-id`, the email's Message-ID).
Workers lease a delivery by setting `claimed_until` in a short transaction and send outside it;
a worker that dies mid-send leaves a lease that simply runs out.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, new_id, utcnow


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "channel", "recipient"),
        Index("ix_deliveries_due", "delivered_at", "dead_at", "next_attempt_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alert_events.id"))
    # email (a team address or an escalation contact), webhook, admin_email (a dead letter notice)
    channel: Mapped[str] = mapped_column(String(20))
    # The address, or the webhook's id: what makes this delivery different from its siblings.
    recipient: Mapped[str] = mapped_column(String(320))
    webhook_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("webhooks.id"))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime]
    claimed_until: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    dead_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DeadLetter(Base):
    """A delivery that exhausted its retries; the dashboard shows a banner until it is dismissed."""

    __tablename__ = "dead_letters"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"), index=True)
    delivery_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deliveries.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    dismissed_at: Mapped[datetime | None]
    dismissed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class StreamEvent(Base):
    """An alert event on the live stream. `seq` is the SSE event id clients resume from.

    Rows are numbered while one fan-out transaction at a time holds a lock, so they commit in
    `seq` order and a client resuming after N never misses a smaller number committed later.
    """

    __tablename__ = "stream_events"
    __table_args__ = (Index("ix_stream_events_team_seq", "care_team_id", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alert_events.id"), unique=True)
    clinic_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("clinics.id"))
    care_team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_teams.id"))
    patient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("patients.id"))
    alert_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("alerts.id"))
    type: Mapped[str] = mapped_column(String(30))
    tier: Mapped[str] = mapped_column(String(12))
    rule: Mapped[str] = mapped_column(String(60))
    site: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

"""Outbox rows in, deliveries out: one short transaction per batch of alert events.

Events are claimed with `FOR UPDATE SKIP LOCKED`, so several workers share the outbox without
waiting on each other; each event is marked dispatched in the transaction that writes its
deliveries, so it is fanned out exactly once.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from server.delivery.routing import EMAIL, ESCALATED, STREAM, WEBHOOK, channels_for
from server.models import (
    Alert,
    AlertEvent,
    Delivery,
    EmailChannel,
    EscalationContact,
    Patient,
    StreamEvent,
    User,
    Webhook,
)

BATCH = 100
# Serialises the numbering of stream events across workers (see StreamEvent).
STREAM_LOCK_KEY = 7_450_001
STREAM_CHANNEL = "painline_stream"


def dispatch_events(session: Session, now: datetime, batch: int = BATCH) -> int:
    """Fan out up to `batch` undispatched events; returns how many were taken."""
    events = session.scalars(
        select(AlertEvent)
        .where(AlertEvent.dispatched_at.is_(None))
        .order_by(AlertEvent.created_at, AlertEvent.id)
        .limit(batch)
        .with_for_update(skip_locked=True)
    ).all()
    streamed = False
    for event in events:
        streamed |= fan_out(session, event, now)
        event.dispatched_at = now
    if streamed and session.get_bind().dialect.name == "postgresql":
        # Delivered on commit, so listeners never look before the rows are visible.
        session.execute(text(f"NOTIFY {STREAM_CHANNEL}"))
    session.commit()
    return len(events)


def fan_out(session: Session, event: AlertEvent, now: datetime) -> bool:
    channels = channels_for(event.type, event.tier)
    if not channels:
        return False
    alert = session.get_one(Alert, event.alert_id)
    team_id = session.scalar(select(Patient.care_team_id).where(Patient.id == event.patient_id))
    assert team_id is not None, "an alert's patient always has a care team"
    if EMAIL in channels:
        for address in email_recipients(session, event, team_id):
            session.add(new_delivery(event, EMAIL, address, now))
    if WEBHOOK in channels:
        for webhook_id in session.scalars(
            select(Webhook.id).where(Webhook.care_team_id == team_id)
        ):
            session.add(new_delivery(event, WEBHOOK, str(webhook_id), now, webhook_id))
    if STREAM in channels:
        lock_stream_numbering(session)
        session.add(stream_event(event, alert, team_id, now))
        return True
    return False


def email_recipients(session: Session, event: AlertEvent, team_id: uuid.UUID) -> list[str]:
    if event.type == ESCALATED:
        query = (
            select(User.email)
            .join(EscalationContact, EscalationContact.user_id == User.id)
            .where(EscalationContact.care_team_id == team_id, User.active.is_(True))
        )
    else:
        query = select(EmailChannel.address).where(EmailChannel.care_team_id == team_id)
    return sorted(set(session.scalars(query)))


def new_delivery(
    event: AlertEvent,
    channel: str,
    recipient: str,
    now: datetime,
    webhook_id: uuid.UUID | None = None,
) -> Delivery:
    return Delivery(
        id=uuid.uuid4(),
        clinic_id=event.clinic_id,
        event_id=event.id,
        channel=channel,
        recipient=recipient,
        webhook_id=webhook_id,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )


def lock_stream_numbering(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STREAM_LOCK_KEY})


def stream_event(event: AlertEvent, alert: Alert, team_id: uuid.UUID, now: datetime) -> StreamEvent:
    return StreamEvent(
        event_id=event.id,
        clinic_id=event.clinic_id,
        care_team_id=team_id,
        patient_id=event.patient_id,
        alert_id=alert.id,
        type=event.type,
        tier=event.tier,
        rule=alert.rule,
        site=alert.site,
        created_at=now,
    )

"""Claiming due deliveries and recording what became of them, each in a short transaction.

A claim sets `claimed_until` (the lease) and counts the attempt before anything is sent, so a
worker killed mid-send leaves a lease that runs out and the delivery is tried again; a delivery
that kills its worker every time still ends in the dead letter.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from server.delivery.backoff import RETRY_WINDOW, retry_delay
from server.delivery.dead_letters import bury
from server.delivery.notice import Notice
from server.delivery.undelivered import Undelivered, dead_deliveries
from server.models import Alert, AlertEvent, Delivery, Webhook

# Longer than a send can take (the 10 s delivery deadline), short enough that a dead worker's
# claims return soon.
LEASE = timedelta(seconds=30)
BATCH = 50


@dataclass(frozen=True)
class Job:
    """Everything needed to send one delivery, read while it was claimed."""

    delivery_id: uuid.UUID
    channel: str
    recipient: str
    notice: Notice
    webhook_url: str | None = None
    webhook_secret: str | None = None
    # For a dead letter notice: the deliveries of the same event that could not be made.
    failed: tuple[Undelivered, ...] = ()


def claim_due(
    session: Session, now: datetime, base_url: str, batch: int = BATCH, lease: timedelta = LEASE
) -> list[Job]:
    deliveries = session.scalars(
        select(Delivery)
        .where(
            Delivery.delivered_at.is_(None),
            Delivery.dead_at.is_(None),
            Delivery.next_attempt_at <= now,
            or_(Delivery.claimed_until.is_(None), Delivery.claimed_until <= now),
        )
        .order_by(Delivery.next_attempt_at)
        .limit(batch)
        .with_for_update(skip_locked=True)
    ).all()
    jobs = []
    for delivery in deliveries:
        delivery.claimed_until = now + lease
        delivery.attempts += 1
        jobs.append(job_for(session, delivery, base_url))
    session.commit()
    return jobs


def job_for(session: Session, delivery: Delivery, base_url: str) -> Job:
    event = session.get_one(AlertEvent, delivery.event_id)
    alert = session.get_one(Alert, event.alert_id)
    notice = Notice(
        type=event.type,
        alert_id=str(alert.id),
        patient_id=str(alert.patient_id),
        rule=alert.rule,
        tier=event.tier,
        site=alert.site,
        link=f"{base_url}/patients/{alert.patient_id}",
    )
    webhook = session.get(Webhook, delivery.webhook_id) if delivery.webhook_id else None
    failed = (
        dead_deliveries(session, delivery.event_id) if delivery.channel == "admin_email" else ()
    )
    return Job(
        delivery_id=delivery.id,
        channel=delivery.channel,
        recipient=delivery.recipient,
        notice=notice,
        webhook_url=webhook.url if webhook else None,
        webhook_secret=webhook.secret if webhook else None,
        failed=failed,
    )


def record_successes(session: Session, delivery_ids: list[uuid.UUID], now: datetime) -> None:
    """One statement for the whole batch; a delivery already marked keeps its first time."""
    if delivery_ids:
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_(delivery_ids), Delivery.delivered_at.is_(None))
            .values(delivered_at=now, claimed_until=None, dead_at=None)
            .execution_options(synchronize_session=False)
        )
    session.commit()


def record_failure(
    session: Session, delivery_id: uuid.UUID, error: str, now: datetime, rng: random.Random
) -> None:
    delivery = session.get_one(Delivery, delivery_id, with_for_update=True)
    if delivery.delivered_at is not None or delivery.dead_at is not None:
        # Another worker whose lease overlapped ours got there first.
        session.commit()
        return
    delivery.last_error = error[:2000]
    delivery.claimed_until = None
    next_attempt = now + retry_delay(delivery.attempts, rng)
    if next_attempt > delivery.created_at + RETRY_WINDOW:
        bury(session, delivery, now)
    else:
        delivery.next_attempt_at = next_attempt
    session.commit()

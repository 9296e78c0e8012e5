"""A delivery that exhausted its retries: a dead letter, a banner and an email to the admins.

The admins' email is itself a delivery (channel `admin_email`), retried like any other; when it
dies too there is no further notice, only the banner, so a broken mail server cannot loop.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.delivery.routing import ADMIN_EMAIL
from server.models import DeadLetter, Delivery, Role, User


def bury(session: Session, delivery: Delivery, now: datetime) -> None:
    delivery.dead_at = now
    session.add(DeadLetter(clinic_id=delivery.clinic_id, delivery_id=delivery.id, created_at=now))
    if delivery.channel == ADMIN_EMAIL:
        return
    admins = session.scalars(
        select(User.email).where(
            User.clinic_id == delivery.clinic_id, User.role == Role.ADMIN, User.active.is_(True)
        )
    )
    for address in sorted(set(admins)):
        exists = session.scalar(
            select(Delivery.id).where(
                Delivery.event_id == delivery.event_id,
                Delivery.channel == ADMIN_EMAIL,
                Delivery.recipient == address,
            )
        )
        if exists is None:
            session.add(
                Delivery(
                    id=uuid.uuid4(),
                    clinic_id=delivery.clinic_id,
                    event_id=delivery.event_id,
                    channel=ADMIN_EMAIL,
                    recipient=address,
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )


def open_dead_letters(session: Session, clinic_id: uuid.UUID | None = None) -> int:
    """Dead letters nobody dismissed yet: the dashboard's banner (`/healthz` counts them all)."""
    query = select(func.count(DeadLetter.id)).where(DeadLetter.dismissed_at.is_(None))
    if clinic_id is not None:
        query = query.where(DeadLetter.clinic_id == clinic_id)
    return session.scalar(query) or 0

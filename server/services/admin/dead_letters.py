"""The clinic's dead letters: notifications that failed for a day. Admins inspect them, send
them again (the delivery goes back in the worker's queue) or dismiss them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server.models import AlertEvent, DeadLetter, Delivery
from server.security.actors import Admin
from server.services.errors import Conflict, NotFound

LISTED = 200


@dataclass(frozen=True)
class DeadLetterRow:
    letter: DeadLetter
    delivery: Delivery
    event: AlertEvent


def dead_letters(session: Session, admin: Admin, dismissed: bool = False) -> list[DeadLetterRow]:
    query = (
        rows_query()
        .where(
            DeadLetter.clinic_id == admin.clinic_id,
            DeadLetter.dismissed_at.is_not(None)
            if dismissed
            else DeadLetter.dismissed_at.is_(None),
        )
        .order_by(DeadLetter.created_at.desc())
        .limit(LISTED)
    )
    return [DeadLetterRow(*row) for row in session.execute(query)]


def dead_letter(session: Session, admin: Admin, letter_id: uuid.UUID) -> DeadLetterRow:
    row = session.execute(
        rows_query().where(DeadLetter.id == letter_id, DeadLetter.clinic_id == admin.clinic_id)
    ).one_or_none()
    if row is None:
        raise NotFound("No such dead letter in your clinic.")
    return DeadLetterRow(*row)


def rows_query():  # type: ignore[no-untyped-def]
    return (
        select(DeadLetter, Delivery, AlertEvent)
        .join(Delivery, Delivery.id == DeadLetter.delivery_id)
        .join(AlertEvent, AlertEvent.id == Delivery.event_id)
    )


def retry(session: Session, admin: Admin, letter_id: uuid.UUID, now: datetime) -> Delivery:
    """The delivery is due again with a fresh day of retries; the letter leaves the list (the
    admin's request stays in the audit log). Should it fail again, it is buried anew."""
    row = dead_letter(session, admin, letter_id)
    delivery = row.delivery
    delivery.dead_at = None
    delivery.attempts = 0
    delivery.claimed_until = None
    delivery.next_attempt_at = now
    session.execute(delete(DeadLetter).where(DeadLetter.id == row.letter.id))
    session.commit()
    return delivery


def dismiss(session: Session, admin: Admin, letter_id: uuid.UUID, now: datetime) -> None:
    letter = dead_letter(session, admin, letter_id).letter
    if letter.dismissed_at is not None:
        raise Conflict("This dead letter was already dismissed.")
    letter.dismissed_at = now
    letter.dismissed_by = admin.user_id
    session.commit()

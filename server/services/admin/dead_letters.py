"""The clinic's dead letters: notifications that failed for a day. Admins inspect them, send
them again (the delivery goes back in the worker's queue) or dismiss them. A letter says whose
team's patient and which channel, never the rule, tier or patient: admins see no clinical data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from server.delivery import undelivered
from server.models import DeadLetter, Delivery
from server.security.actors import Admin
from server.services.errors import Conflict, NotFound

LISTED = 200


@dataclass(frozen=True)
class DeadLetterRow:
    letter: DeadLetter
    delivery: Delivery
    undelivered: undelivered.Undelivered


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
    return [row_of(*row) for row in session.execute(query)]


def dead_letter(session: Session, admin: Admin, letter_id: uuid.UUID) -> DeadLetterRow:
    row = session.execute(
        rows_query().where(DeadLetter.id == letter_id, DeadLetter.clinic_id == admin.clinic_id)
    ).one_or_none()
    if row is None:
        raise NotFound("No such dead letter in your clinic.")
    return row_of(*row)


def rows_query():  # type: ignore[no-untyped-def]
    return (
        undelivered.rows()
        .add_columns(DeadLetter)
        .join(DeadLetter, DeadLetter.delivery_id == Delivery.id)
    )


def row_of(
    delivery: Delivery, webhook_url: str | None, team: str, letter: DeadLetter
) -> DeadLetterRow:
    return DeadLetterRow(letter, delivery, undelivered.undelivered(delivery, webhook_url, team))


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

"""The per-patient change sequence, the source of sync cursors.

Every change a phone must pull (a report, a dose, a treatment, the context, an alert's status) takes
the next number of its patient's sequence. Numbers are handed out while the patient row is locked
inside the writing transaction, so they commit in order and a pull never skips one.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Update, bindparam, update
from sqlalchemy.orm import Session

from server.models import Patient
from server.services.errors import NotFound


@functools.cache
def lock_and_read_statement(also: tuple[ColumnElement[Any], ...]) -> Update:
    """Built once per `also`: composing the statement costs about as much as running it."""
    return (
        update(Patient)
        .where(Patient.id == bindparam("patient_id"))
        .values(last_change_seq=Patient.last_change_seq + bindparam("reserve"))
        .returning(Patient, *also)
        .execution_options(synchronize_session=False, populate_existing=True)
    )


class ChangeSequence:
    """Numbers for one transaction's changes to one patient; `close()` writes the last one back.

    `before` is the patient's last number when the lock was taken: a cursor at or past it has
    seen everything but this transaction's own changes.
    """

    def __init__(self, session: Session, patient_id: uuid.UUID) -> None:
        self.session = session
        self.patient_id = patient_id
        # An UPDATE first: it takes the row lock on PostgreSQL and SQLite's write lock up front,
        # so concurrent writers queue here instead of failing later on a lock upgrade.
        last = session.execute(
            update(Patient)
            .where(Patient.id == patient_id)
            .values(last_change_seq=Patient.last_change_seq)
            .returning(Patient.last_change_seq)
        ).scalar_one_or_none()
        if last is None:
            raise NotFound("No such patient.")
        self.start(last)

    @classmethod
    def with_patient(
        cls,
        session: Session,
        patient_id: uuid.UUID,
        also: Sequence[ColumnElement[Any]] = (),
        reserve: int = 0,
    ) -> tuple[ChangeSequence, Patient, tuple[Any, ...]]:
        """Take the lock and read the patient row, plus the values of `also` (scalar
        subqueries against the patient), in the same statement: one round trip, not several.

        `reserve` numbers are written back at once, so a transaction that needs no more than
        that has nothing left to write at `close()`. A reserved number left unused is a gap,
        which a cursor steps over like any other.
        """
        row = session.execute(
            lock_and_read_statement(tuple(also)), {"patient_id": patient_id, "reserve": reserve}
        ).one_or_none()
        if row is None:
            raise NotFound("No such patient.")
        patient, *values = row
        sequence = cls.__new__(cls)
        sequence.session = session
        sequence.patient_id = patient_id
        sequence.start(patient.last_change_seq - reserve, saved=patient.last_change_seq)
        return sequence, patient, tuple(values)

    def start(self, last: int, saved: int | None = None) -> None:
        self.before = last
        self.last = last
        self.saved = last if saved is None else saved

    @property
    def latest(self) -> int:
        """The patient's last number once this transaction commits."""
        return max(self.last, self.saved)

    def next(self) -> int:
        self.last += 1
        return self.last

    def close(self) -> None:
        if self.last > self.saved:
            self.session.execute(
                update(Patient)
                .where(Patient.id == self.patient_id)
                .values(last_change_seq=self.last)
            )
            self.saved = self.last

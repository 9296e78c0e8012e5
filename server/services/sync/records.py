"""Storing pushed reports and doses: idempotent upserts by client id, with revision history.

- unknown id: stored;
- higher revision: replaces the current version (the old one stays in the history);
- equal revision, same content: acknowledged, nothing stored;
- equal revision, other content: kept in the history as a conflict, acknowledged;
- lower revision: acknowledged and ignored;
- an id that belongs to another patient: rejected, the owner's record untouched.

Almost every pushed record is new. A check-in's record goes in with one statement that skips an
id already taken (`ON CONFLICT DO NOTHING RETURNING`); a batch reads which of its ids are taken
and inserts the rest in one executemany. Only the taken ids are read back and judged one by one,
and the revisions go in with one more statement: a handful of statements for a push of any size.
"""

from __future__ import annotations

import enum
import functools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from marshmallow import Schema
from sqlalchemy import Insert, Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from server.models.base import utcnow
from server.models.records import Dose, PainReport, RecordRevision
from server.security.actors import PatientDevice
from server.services.change_sequence import ChangeSequence
from server.services.sync.changes import Change
from shared.records import Dose as WireDose
from shared.records import PainReport as WireReport
from shared.wire import DoseSchema, PainReportSchema

ID_TAKEN = "this id belongs to a record that is not this patient's; give the record a new id"


class Outcome(enum.Enum):
    STORED = "stored"  # new record or a newer revision: the engine must look at it
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    STALE = "stale"


@dataclass(frozen=True)
class RecordKind:
    name: str
    section: str
    model: type[PainReport] | type[Dose]
    schema: Callable[..., Schema]
    time_attribute: str


REPORTS = RecordKind("report", "reports", PainReport, PainReportSchema, "recorded_at")
DOSES = RecordKind("dose", "doses", Dose, DoseSchema, "taken_at")


INSERT_REVISIONS = insert(RecordRevision.__table__)


@dataclass(frozen=True)
class Pushed:
    """One valid pushed record with what the server worked out about it."""

    record: WireReport | WireDose
    moment: datetime
    clock_ahead: bool


def canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


def insert_new_only(session: Session, table: Table) -> Insert:
    """INSERT that skips rows whose id is taken, returning the ids it did insert."""
    return _insert_new_only(session.get_bind().dialect.name, table)


@functools.cache
def _insert_new_only(dialect_name: str, table: Table) -> Insert:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)


class RecordWriter:
    """Upserts one kind of record for one push; `write` says what became of each record."""

    def __init__(
        self,
        session: Session,
        kind: RecordKind,
        device: PatientDevice,
        sequence: ChangeSequence,
        schema: Schema,
    ) -> None:
        self.session = session
        self.kind = kind
        self.device = device
        self.sequence = sequence
        # The schema that loaded the push dumps it too: building one costs more than a dump.
        self.dumper = schema
        self.changes: list[Change] = []
        self.revisions: list[dict[str, Any]] = []

    def write(self, pushed: list[Pushed]) -> list[Outcome | IdTaken]:
        """Store what is new or newer; the outcome (or the refusal) of each record, in order."""
        bodies = [dict(self.dumper.dump(item.record)) for item in pushed]
        first_of_id: dict[str, int] = {}
        for index, item in enumerate(pushed):
            first_of_id.setdefault(item.record.id, index)
        firsts = list(first_of_id.values())
        inserted = self.insert_new([pushed[i] for i in firsts], [bodies[i] for i in firsts])
        outcomes: list[Outcome | IdTaken] = [Outcome.STORED] * len(pushed)
        # The rest, an id seen before (or twice in this push), is judged against what is stored.
        judged = [
            i
            for i, item in enumerate(pushed)
            if item.record.id not in inserted or first_of_id[item.record.id] != i
        ]
        if judged:
            rows = self.stored_rows([uuid.UUID(pushed[i].record.id) for i in judged])
            for i in judged:
                outcomes[i] = self.judge(rows, pushed[i], bodies[i])
        if self.revisions:
            self.session.execute(INSERT_REVISIONS, self.revisions)
        return outcomes

    def insert_new(self, pushed: list[Pushed], bodies: list[dict[str, Any]]) -> set[str]:
        """Insert every record whose id is free; the ids of those inserted."""
        if not pushed:
            return set()
        now = utcnow()
        rows = [self.new_row(item, body, now) for item, body in zip(pushed, bodies, strict=True)]
        table = self.kind.model.__table__
        assert isinstance(table, Table)
        if len(rows) == 1:
            # A check-in: one statement that inserts unless the id is taken.
            statement = insert_new_only(self.session, table)
            inserted = {str(record_id) for record_id in self.session.scalars(statement, rows)}
        else:
            # A batch: RETURNING would make the drivers send it row by row, so the taken ids are
            # read first and the rest go in as one plain executemany. The patient is locked, so
            # only another patient's push of the same id could come in between: its unique key
            # then fails this transaction whole, and `sync` runs it again, seeing the id taken.
            taken = set(
                self.session.scalars(
                    select(table.c.id).where(table.c.id.in_([row["id"] for row in rows]))
                )
            )
            fresh = [row for row in rows if row["id"] not in taken]
            if fresh:
                self.session.execute(insert(table), fresh)
            inserted = {str(row["id"]) for row in fresh}
        for item, body, row in zip(pushed, bodies, rows, strict=True):
            if item.record.id in inserted:
                self.note(item, body, row["change_seq"])
        return inserted

    def new_row(self, item: Pushed, body: dict[str, Any], now: datetime) -> dict[str, Any]:
        # A number is taken even for a row the insert skips: a gap, which cursors step over.
        row = {
            "id": uuid.UUID(item.record.id),
            "clinic_id": self.device.clinic_id,
            "patient_id": self.device.patient_id,
            "local_day": item.moment.date(),
            "revision": item.record.revision,
            "deleted": item.record.deleted,
            "body": body,
            "change_seq": self.sequence.next(),
            "clock_ahead": item.clock_ahead,
            "received_at": now,
            "device_id": self.device.device_id,
            self.kind.time_attribute: item.moment,
        }
        if isinstance(item.record, WireDose):
            row["medication"] = item.record.medication
        return row

    def stored_rows(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, PainReport | Dose]:
        rows = self.session.scalars(select(self.kind.model).where(self.kind.model.id.in_(ids)))
        return {row.id: row for row in rows}

    def judge(
        self, rows: dict[uuid.UUID, PainReport | Dose], item: Pushed, body: dict[str, Any]
    ) -> Outcome | IdTaken:
        """An id already stored: keep the newer revision, note a conflict, or ignore."""
        record = item.record
        row = rows[uuid.UUID(record.id)]
        if row.patient_id != self.device.patient_id:
            return IdTaken(ID_TAKEN)
        if record.revision < row.revision:
            return Outcome.STALE
        if record.revision == row.revision:
            if canonical(row.body) == canonical(body):
                return Outcome.DUPLICATE
            self.revisions.append(self.revision_row(record, body, conflict=True))
            return Outcome.CONFLICT
        row.revision = record.revision
        row.deleted = record.deleted
        row.body = body
        row.local_day = item.moment.date()
        row.clock_ahead = item.clock_ahead
        row.device_id = self.device.device_id
        row.change_seq = self.sequence.next()
        setattr(row, self.kind.time_attribute, item.moment)
        if isinstance(row, Dose) and isinstance(record, WireDose):
            row.medication = record.medication
        self.note(item, body, row.change_seq)
        return Outcome.STORED

    def note(self, item: Pushed, body: dict[str, Any], seq: int) -> None:
        """A version that became current: the phone pulls it, the history keeps it."""
        self.changes.append(Change(seq, self.kind.section, body, from_this_device=True))
        self.revisions.append(self.revision_row(item.record, body, conflict=False))

    def revision_row(
        self, record: WireReport | WireDose, body: dict[str, Any], *, conflict: bool
    ) -> dict[str, Any]:
        return {
            "clinic_id": self.device.clinic_id,
            "patient_id": self.device.patient_id,
            "record_kind": self.kind.name,
            "record_id": uuid.UUID(record.id),
            "revision": record.revision,
            "body": body,
            "conflict": conflict,
            "received_at": utcnow(),
            "device_id": self.device.device_id,
        }


class IdTaken(Exception):
    """The pushed id is already used by another patient's record."""

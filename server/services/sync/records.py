"""Storing pushed reports and doses: idempotent upserts by client id, with revision history.

- unknown id: stored;
- higher revision: replaces the current version (the old one stays in the history);
- equal revision, same content: acknowledged, nothing stored;
- equal revision, other content: kept in the history as a conflict, acknowledged;
- lower revision: acknowledged and ignored;
- an id that belongs to another patient: rejected, the owner's record untouched.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from marshmallow import Schema
from sqlalchemy import select
from sqlalchemy.orm import Session

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


def canonical(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


class RecordWriter:
    """Upserts one kind of record for one push, loading the rows it may touch in one query."""

    def __init__(
        self,
        session: Session,
        kind: RecordKind,
        device: PatientDevice,
        sequence: ChangeSequence,
        ids: list[uuid.UUID],
        schema: Schema,
    ) -> None:
        self.session = session
        self.kind = kind
        self.device = device
        self.sequence = sequence
        # The schema that loaded the push dumps it too: building one costs more than a dump.
        self.dumper = schema
        rows = session.scalars(select(kind.model).where(kind.model.id.in_(ids))) if ids else []
        self.rows: dict[uuid.UUID, PainReport | Dose] = {row.id: row for row in rows}

    def write(self, record: WireReport | WireDose, moment: datetime, clock_ahead: bool) -> Outcome:
        record_id = uuid.UUID(record.id)
        body = dict(self.dumper.dump(record))
        row = self.rows.get(record_id)
        if row is not None and row.patient_id != self.device.patient_id:
            raise IdTaken(ID_TAKEN)
        if row is not None and record.revision < row.revision:
            return Outcome.STALE
        if row is not None and record.revision == row.revision:
            if canonical(row.body) == canonical(body):
                return Outcome.DUPLICATE
            self.keep_revision(record_id, record.revision, body, conflict=True)
            return Outcome.CONFLICT
        if row is None:
            row = self.kind.model(id=record_id, clinic_id=self.device.clinic_id)
            row.patient_id = self.device.patient_id
            self.session.add(row)
            self.rows[record_id] = row
        row.revision = record.revision
        row.deleted = record.deleted
        row.body = body
        row.local_day = moment.date()
        row.clock_ahead = clock_ahead
        row.device_id = self.device.device_id
        row.change_seq = self.sequence.next()
        setattr(row, self.kind.time_attribute, moment)
        if isinstance(row, Dose) and isinstance(record, WireDose):
            row.medication = record.medication
        self.keep_revision(record_id, record.revision, body, conflict=False)
        return Outcome.STORED

    def changes(self) -> list[Change]:
        """The rows this writer holds as pull changes (only those it wrote are newer)."""
        return [
            Change(
                row.change_seq, self.kind.section, row.body, row.device_id == self.device.device_id
            )
            for row in self.rows.values()
        ]

    def keep_revision(
        self, record_id: uuid.UUID, revision: int, body: dict[str, Any], *, conflict: bool
    ) -> None:
        self.session.add(
            RecordRevision(
                clinic_id=self.device.clinic_id,
                patient_id=self.device.patient_id,
                record_kind=self.kind.name,
                record_id=record_id,
                revision=revision,
                body=body,
                conflict=conflict,
                device_id=self.device.device_id,
            )
        )


class IdTaken(Exception):
    """The pushed id is already used by another patient's record."""

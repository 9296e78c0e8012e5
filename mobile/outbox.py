"""The outbox: records saved on the phone that the server has not acknowledged yet.

Batches hold at most 200 records (the server refuses more than 500, or 1 MiB, whole): red-flag
records first (an emergency or urgent finding of the phone's engine cites them, see
`mobile.sync.red_flags`), then the rest, each in the order of saving. Only acknowledged ids at
the revision sent are marked synced; rejected ones move to the "could not send" list with the
server's message and leave the outbox until the patient edits them, so an unchanged record is
never resent.
"""

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mobile.field_errors import one_line
from mobile.store import Kind, State, StoredRecord, records

MAX_BATCH = 200
# Under the server's 1 MiB request cap, leaving room for the envelope.
MAX_BATCH_BYTES = 900_000


@dataclass(frozen=True)
class Batch:
    """One push: wire records by kind, and the revision of each id as it was sent."""

    reports: list[dict[str, Any]] = field(default_factory=list)
    doses: list[dict[str, Any]] = field(default_factory=list)
    sent: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.sent)

    @property
    def key(self) -> list[list[str | int]]:
        """The records and revisions sent, in a stable order: what makes two batches the same."""
        return [[record_id, revision] for record_id, revision in sorted(self.sent.items())]


@dataclass(frozen=True)
class CouldNotSend:
    """A record the server refused, with its message for the patient."""

    record: StoredRecord
    message: str


def next_batch(
    connection: sqlite3.Connection,
    limit: int = MAX_BATCH,
    max_bytes: int = MAX_BATCH_BYTES,
    red_flags_apart: bool = False,
) -> Batch:
    """Pending records in push order, at most `limit` of them and about `max_bytes` of JSON.

    With `red_flags_apart`, a batch that starts with red flags holds red flags only, so they
    do not travel with a record the server has been failing on.
    """
    batch = Batch()
    size = 0
    head_is_red_flag = False
    for record in records.in_push_order(connection, limit=min(limit, MAX_BATCH)):
        record_size = len(json.dumps(record.body).encode())
        # The first record always goes, so one large record cannot block the outbox forever.
        if batch.sent and size + record_size > max_bytes:
            break
        if not batch.sent:
            head_is_red_flag = record.red_flag
        elif red_flags_apart and head_is_red_flag and not record.red_flag:
            break
        size += record_size
        (batch.reports if record.kind is Kind.REPORT else batch.doses).append(record.body)
        batch.sent[record.id] = record.revision
    return batch


def acknowledge(connection: sqlite3.Connection, batch: Batch, accepted: list[str]) -> int:
    return records.mark_synced(connection, batch.sent, accepted)


def reject(connection: sqlite3.Connection, batch: Batch, rejected: Mapping[str, Any]) -> int:
    return records.mark_rejected(connection, batch.sent, rejected)


def refuse(connection: sqlite3.Connection, batch: Batch, message: str) -> int:
    """Move every record of `batch` to "could not send" with one message of the phone's own."""
    return reject(connection, batch, {key: {"_schema": [message]} for key in batch.sent})


def pending_count(connection: sqlite3.Connection) -> int:
    return records.count_in_state(connection, State.PENDING)


def unsynced_count(connection: sqlite3.Connection) -> int:
    """Records the server does not have: the outbox and the "could not send" list."""
    return pending_count(connection) + records.count_in_state(connection, State.REJECTED)


def could_not_send(connection: sqlite3.Connection) -> list[CouldNotSend]:
    return [
        CouldNotSend(record, error_message(record.errors))
        for record in records.in_state(connection, State.REJECTED)
    ]


def error_message(errors: Any) -> str:
    """The server's per-item errors as one line a person can read ("sites.0.score: ...")."""
    return one_line(errors) or "the server refused this record without saying why"

"""Reports and doses on the phone, each with its sync state: pending, synced or rejected.

Functions take the connection of an open transaction, so a caller can combine them (the sync
applies a whole server response in one transaction). Bodies are wire JSON, stored as sent.
"""

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    REPORT = "report"
    DOSE = "dose"

    @property
    def time_field(self) -> str:
        return "recorded_at" if self is Kind.REPORT else "taken_at"


class State(StrEnum):
    PENDING = "pending"  # in the outbox
    SYNCED = "synced"  # acknowledged by the server
    REJECTED = "rejected"  # on the "could not send" list until edited


@dataclass(frozen=True)
class StoredRecord:
    seq: int
    kind: Kind
    id: str
    revision: int
    body: dict[str, Any]
    state: State
    errors: dict[str, Any] | None
    red_flag: bool = False  # an emergency or urgent finding of the phone's engine cites it

    @property
    def at(self) -> datetime:
        return datetime.fromisoformat(self.body[self.kind.time_field])


# `priority` values; NULL means the engine has not looked at this revision yet.
ORDINARY = 0
RED_FLAG = 1


def _utc_key(kind: Kind, body: Mapping[str, Any]) -> str:
    # The record's own time in UTC sorts records made in different offsets correctly.
    moment = datetime.fromisoformat(body[kind.time_field])
    return moment.astimezone(UTC).isoformat()


def _from_row(row: sqlite3.Row) -> StoredRecord:
    return StoredRecord(
        seq=row["seq"],
        kind=Kind(row["kind"]),
        id=row["id"],
        revision=row["revision"],
        body=json.loads(row["body"]),
        state=State(row["state"]),
        errors=None if row["errors"] is None else json.loads(row["errors"]),
        red_flag=row["priority"] == RED_FLAG,
    )


def add(
    connection: sqlite3.Connection,
    kind: Kind,
    body: Mapping[str, Any],
    state: State = State.PENDING,
) -> None:
    """Insert a record; one made on this phone goes straight into the outbox (pending)."""
    connection.execute(
        "INSERT INTO local_records (kind, id, revision, at, body, state) VALUES (?, ?, ?, ?, ?, ?)",
        (kind, body["id"], body["revision"], _utc_key(kind, body), json.dumps(body), state),
    )


def replace_body(
    connection: sqlite3.Connection, kind: Kind, body: Mapping[str, Any], state: State
) -> None:
    """Store a new revision of a record (an edit, a delete, or a newer one pulled)."""
    # A new revision may raise or lose a red flag: the engine looks at it again.
    connection.execute(
        "UPDATE local_records SET revision = ?, at = ?, body = ?, state = ?, errors = NULL, "
        "priority = NULL WHERE id = ? AND kind = ?",
        (body["revision"], _utc_key(kind, body), json.dumps(body), state, body["id"], kind),
    )


def get(connection: sqlite3.Connection, record_id: str) -> StoredRecord | None:
    row = connection.execute("SELECT * FROM local_records WHERE id = ?", (record_id,)).fetchone()
    return None if row is None else _from_row(row)


def in_state(
    connection: sqlite3.Connection, state: State, limit: int | None = None
) -> list[StoredRecord]:
    """Records in `state`, in the order they were saved."""
    rows = connection.execute(
        "SELECT * FROM local_records WHERE state = ? ORDER BY seq LIMIT ?",
        (state, -1 if limit is None else limit),
    )
    return [_from_row(row) for row in rows]


def in_push_order(connection: sqlite3.Connection, limit: int) -> list[StoredRecord]:
    """Pending records, red flags first, then the rest, each in the order they were saved."""
    rows = connection.execute(
        "SELECT * FROM local_records WHERE state = ? "
        "ORDER BY COALESCE(priority, ?) DESC, seq LIMIT ?",
        (State.PENDING, ORDINARY, limit),
    )
    return [_from_row(row) for row in rows]


def unassessed(connection: sqlite3.Connection, kind: Kind) -> list[StoredRecord]:
    """Pending records of `kind` whose current revision the engine has not looked at."""
    rows = connection.execute(
        "SELECT * FROM local_records WHERE state = ? AND kind = ? AND priority IS NULL "
        "ORDER BY seq",
        (State.PENDING, kind),
    )
    return [_from_row(row) for row in rows]


def set_priority(connection: sqlite3.Connection, sent: Mapping[str, int], priority: int) -> None:
    """Set the priority of pending records, only at the revision that was assessed."""
    connection.executemany(
        "UPDATE local_records SET priority = ? WHERE id = ? AND revision = ? AND state = ?",
        [(priority, record_id, revision, State.PENDING) for record_id, revision in sent.items()],
    )


def count_in_state(connection: sqlite3.Connection, state: State) -> int:
    return int(
        connection.execute(
            "SELECT COUNT(*) FROM local_records WHERE state = ?", (state,)
        ).fetchone()[0]
    )


def since(
    connection: sqlite3.Connection, kind: Kind, earliest: datetime | None = None
) -> list[StoredRecord]:
    """Records of `kind` made at or after `earliest` (all when None), oldest first."""
    key = "" if earliest is None else earliest.astimezone(UTC).isoformat()
    rows = connection.execute(
        "SELECT * FROM local_records WHERE kind = ? AND at >= ? ORDER BY at, seq", (kind, key)
    )
    return [_from_row(row) for row in rows]


def newest_first(connection: sqlite3.Connection, limit: int) -> list[StoredRecord]:
    rows = connection.execute(
        "SELECT * FROM local_records ORDER BY at DESC, seq DESC LIMIT ?", (limit,)
    )
    return [_from_row(row) for row in rows]


def mark_synced(connection: sqlite3.Connection, sent: Mapping[str, int], ids: Iterable[str]) -> int:
    """Mark acknowledged records synced, only at the revision that was sent.

    A record edited while its older revision was in flight stays pending: the server has not
    seen the new revision yet. Returns how many records were marked.
    """
    marked = 0
    for record_id in ids:
        if record_id not in sent:
            continue  # an id this phone did not send in the batch: nothing to acknowledge
        cursor = connection.execute(
            "UPDATE local_records SET state = ?, errors = NULL "
            "WHERE id = ? AND revision = ? AND state = ?",
            (State.SYNCED, record_id, sent[record_id], State.PENDING),
        )
        marked += cursor.rowcount
    return marked


def mark_rejected(
    connection: sqlite3.Connection, sent: Mapping[str, int], rejected: Mapping[str, Any]
) -> int:
    """Move rejected records to the "could not send" list with the server's errors."""
    marked = 0
    for record_id, errors in rejected.items():
        if record_id not in sent:
            continue
        cursor = connection.execute(
            "UPDATE local_records SET state = ?, errors = ? "
            "WHERE id = ? AND revision = ? AND state = ?",
            (State.REJECTED, json.dumps(errors), record_id, sent[record_id], State.PENDING),
        )
        marked += cursor.rowcount
    return marked

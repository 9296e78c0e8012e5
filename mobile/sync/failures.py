"""Pushes the server failed on (5xx), counted per batch in the store, so a restart keeps counting.

One record the server cannot take must not block every later check-in. When the same batch
(the same records at the same revisions) fails three times, the phone sends at most half as
many records a push, down to one; a single record that fails three times is the one the server
cannot take (`SyncSession` moves it to "could not send"). The smaller limit stays until then,
or until the outbox is empty, so the halves that went through do not bring the suspect back
in a full-size batch.
"""

import json
import math
import sqlite3
from collections.abc import Iterable
from typing import Any

from mobile import outbox
from mobile.store import account

FAILURES_BEFORE_SPLIT = 3
# JSON {"batch": Batch.key, "failures": n}: the last batch the server failed on.
FAILING_BATCH = "failing_batch"
# The most records a push may hold while the phone narrows a failing batch down.
PUSH_LIMIT = "push_limit"


def push_limit(connection: sqlite3.Connection) -> int:
    value = account.get(connection, PUSH_LIMIT)
    return outbox.MAX_BATCH if value is None else int(value)


def narrowing(connection: sqlite3.Connection) -> bool:
    """True while pushes are failing; red flags then travel apart from the suspects."""
    return any(account.get(connection, key) is not None for key in (FAILING_BATCH, PUSH_LIMIT))


def count(connection: sqlite3.Connection, batch: outbox.Batch) -> int:
    """Count one more failure of `batch`; returns how many times in a row it has failed."""
    last = _failing(connection)
    failures = int(last.get("failures", 0)) + 1 if last.get("batch") == batch.key else 1
    account.put(connection, FAILING_BATCH, json.dumps({"batch": batch.key, "failures": failures}))
    return failures


def split(connection: sqlite3.Connection, batch: outbox.Batch) -> None:
    """From now on send at most half of `batch` a push; each half counts its own failures."""
    account.put(connection, PUSH_LIMIT, str(max(1, math.ceil(len(batch) / 2))))
    account.put(connection, FAILING_BATCH, None)


def answered(connection: sqlite3.Connection, record_ids: Iterable[str]) -> None:
    """The server answered for these records: failures counted for a batch with them are void."""
    failed_ids = {record_id for record_id, _ in _failing(connection).get("batch", [])}
    if not failed_ids.isdisjoint(record_ids):
        account.put(connection, FAILING_BATCH, None)


def reset(connection: sqlite3.Connection) -> None:
    """The record the server cannot take is found, or nothing is left: full-size pushes again."""
    account.put(connection, FAILING_BATCH, None)
    account.put(connection, PUSH_LIMIT, None)


def _failing(connection: sqlite3.Connection) -> dict[str, Any]:
    found = account.get(connection, FAILING_BATCH)
    return {} if found is None else dict(json.loads(found))

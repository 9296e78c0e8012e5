"""The local schema, versioned with `PRAGMA user_version`: each step runs once, in order.

A step is never edited once released; a change is a new step appended to `STEPS`, so a phone
that skipped versions upgrades through all of them.
"""

import sqlite3

STEPS: tuple[str, ...] = (
    # 1: records made on the phone (and pulled from other devices), clinician data, account.
    """
    CREATE TABLE local_records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of saving: the outbox sends in this order
        kind TEXT NOT NULL CHECK (kind IN ('report', 'dose')),
        id TEXT NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        at TEXT NOT NULL,                       -- the record's own time in UTC, for ordering
        body TEXT NOT NULL,                     -- the wire JSON as it is (or will be) sent
        state TEXT NOT NULL CHECK (state IN ('pending', 'synced', 'rejected')),
        errors TEXT                             -- the server's per-item errors when rejected
    );
    CREATE INDEX local_records_state ON local_records (state, seq);
    CREATE INDEX local_records_at ON local_records (kind, at);
    CREATE TABLE treatments (id TEXT PRIMARY KEY, revision INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE TABLE patient_context (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1), body TEXT NOT NULL
    );
    CREATE TABLE alerts (
        id TEXT PRIMARY KEY, status TEXT NOT NULL, raised_at TEXT, body TEXT NOT NULL
    );
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE account (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: red-flag check-ins leave the outbox first. NULL until the sync has run the engine on
    # the record, 1 when an emergency or urgent finding cites it, else 0.
    """
    ALTER TABLE local_records ADD COLUMN priority INTEGER;
    """,
)


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> None:
    """Apply the steps this database has not seen; the caller holds a write transaction."""
    current = schema_version(connection)
    if current > len(STEPS):
        raise RuntimeError(
            f"the local data was written by a newer app (schema {current}); update the app"
        )
    for number, step in enumerate(STEPS[current:], start=current + 1):
        for statement in step.split(";"):
            if statement.strip():
                connection.execute(statement)
        # PRAGMA takes no parameters; `number` is an int from enumerate.
        connection.execute(f"PRAGMA user_version = {number}")

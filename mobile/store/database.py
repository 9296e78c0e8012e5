"""The phone's SQLite connection: durable commits, one writer at a time, schema brought up to date.

WAL with `synchronous=FULL` makes a commit survive a killed process and a power cut, so once a
transaction returns the screen may say "saved". `secure_delete` overwrites wiped health data
instead of leaving it in free pages. The UI, the background tasks and the sync runner share one
connection behind a lock: every transaction is a few rows, and SQLite serialises writers anyway.
"""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mobile.store.schema import migrate

BUSY_TIMEOUT_MS = 5000


class Database:
    """One connection; `transaction()` commits on success and rolls back on any error."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are opened explicitly with BEGIN IMMEDIATE below.
        self._connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._connection.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._closed = False
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA secure_delete=ON",
            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            self._connection.execute(pragma)
        with self.transaction() as connection:
            migrate(connection)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction; it is committed (durable) when the block ends."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the local store is closed")
            connection = self._connection
            # Re-entrant use joins the outer transaction instead of nesting BEGINs.
            if connection.in_transaction:
                yield connection
                return
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def compact(self) -> None:
        """Give freed pages back and fold the WAL into the file (after a wipe)."""
        with self._lock:
            self._connection.execute("VACUUM")
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._connection.close()

"""The worker's own PostgreSQL connection: LISTEN for new outbox rows and hold the scheduler lock.

It is in autocommit mode, or notifications would wait for a transaction to end. On SQLite there
is nothing to listen to; the worker polls.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Any

import psycopg
from sqlalchemy.engine import Engine

from server.delivery.outbox_notify import OUTBOX_CHANNEL

log = logging.getLogger(__name__)


def psycopg_conninfo(engine: Engine) -> str:
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class Wakeup:
    """Waits for work: a NOTIFY on PostgreSQL, the poll interval on SQLite, or a stop request."""

    def __init__(self, engine: Engine, stop: threading.Event) -> None:
        self.stop = stop
        self.postgres = engine.dialect.name == "postgresql"
        self.conninfo = psycopg_conninfo(engine) if self.postgres else ""
        self.connection: Any = None
        self.holds_lock = not self.postgres

    def wait(self, seconds: float) -> None:
        if self.stop.is_set() or seconds <= 0:
            return
        connection = self.listening_connection()
        if connection is None:
            self.stop.wait(seconds)
            return
        try:
            for _ in connection.notifies(timeout=seconds, stop_after=1):
                break
        except psycopg.Error as error:
            log.warning("lost the listening connection (%s); polling until it is back", error)
            self.close()
            self.stop.wait(min(seconds, 1.0))

    def try_scheduler_lock(self, key: int) -> bool:
        if self.holds_lock:
            return True
        connection = self.listening_connection()
        if connection is None:
            return False
        try:
            row = connection.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()
        except psycopg.Error:
            self.close()
            return False
        self.holds_lock = bool(row and row[0])
        return self.holds_lock

    def listening_connection(self) -> Any:
        if not self.postgres:
            return None
        if self.connection is None:
            try:
                connection = psycopg.connect(self.conninfo, autocommit=True)
            except psycopg.Error as error:
                log.warning("cannot listen for new alert events: %s", error)
                return None
            try:
                connection.execute(f"LISTEN {OUTBOX_CHANNEL}")
            except psycopg.Error as error:
                # Closed here: left to the garbage collector it would linger on the server.
                log.warning("cannot listen for new alert events: %s", error)
                connection.close()
                return None
            self.connection = connection
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(psycopg.Error):
                self.connection.close()
        self.connection = None
        # The lock was the connection's; whoever reconnects first takes it.
        self.holds_lock = not self.postgres

"""What wakes the live streams of one process: PostgreSQL `LISTEN`, or polling on SQLite.

One listener per process and database bumps a counter whenever a fan-out with stream events
commits; every stream of the process waits on that counter (or on its own stop, when the stream
is replaced by a newer one of its user).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
import psycopg.conninfo
from sqlalchemy.engine import Engine

from server.delivery.fanout import STREAM_CHANNEL
from server.delivery.wakeup import psycopg_conninfo

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5


class StreamSignal:
    """A counter that goes up whenever a fan-out with stream events commits (PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.condition = threading.Condition()
        self.version = 0
        self.listening = False
        if engine.dialect.name == "postgresql":
            self.conninfo = psycopg_conninfo(engine)
            threading.Thread(target=self.listen, name="painline-stream-listen", daemon=True).start()

    def listen(self) -> None:
        while True:
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {STREAM_CHANNEL}")
                    self.listening = True
                    for _ in connection.notifies():
                        self.bump()
            except psycopg.Error as error:
                if self.database_gone(error):
                    # A dropped database does not come back: streams go on polling alone.
                    log.info("stream listener stops: its database is gone (%s)", error)
                    self.listening = False
                    self.bump()
                    return
                log.warning("stream listener lost its connection (%s); reconnecting", error)
            self.listening = False
            # Streams fall back to polling meanwhile; bump so none waits on a dead listener.
            self.bump()
            threading.Event().wait(1.0)

    def database_gone(self, error: psycopg.Error) -> bool:
        """psycopg gives no SQLSTATE for a refused connection, only the server's message."""
        name = psycopg.conninfo.conninfo_to_dict(self.conninfo).get("dbname")
        return name is not None and f'database "{name}" does not exist' in str(error)

    def bump(self) -> None:
        with self.condition:
            self.version += 1
            self.condition.notify_all()

    def wake(self) -> None:
        """Wake every waiting stream without news: each checks its own stop and waits again."""
        with self.condition:
            self.condition.notify_all()

    def wait(self, seen: int, seconds: float, stopped: Callable[[], bool]) -> None:
        limit = seconds if self.listening else min(seconds, POLL_SECONDS)
        with self.condition:
            self.condition.wait_for(lambda: self.version != seen or stopped(), timeout=limit)


_signals: dict[str, StreamSignal] = {}
_signals_lock = threading.Lock()


def signal_for(engine: Engine) -> StreamSignal:
    """One listener per process and database, started by the first stream."""
    key = engine.url.render_as_string(hide_password=True)
    with _signals_lock:
        if key not in _signals:
            _signals[key] = StreamSignal(engine)
        return _signals[key]

"""The live stream's side of delivery: which events a clinician sees, and waking streams up.

A clinician sees the events of their care teams' patients, and the escalations of teams that
named them an escalation contact. Streams read the database with short queries of their own (no
session held open for minutes) and wait on a per-process signal: PostgreSQL `LISTEN` wakes
it the moment a fan-out commits; on SQLite streams poll.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import psycopg.conninfo
from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Engine

from server.delivery.fanout import STREAM_CHANNEL
from server.delivery.routing import ESCALATED
from server.delivery.wakeup import psycopg_conninfo
from server.models import EscalationContact, Patient, StreamEvent

log = logging.getLogger(__name__)

PAGE = 200
POLL_SECONDS = 0.5
KEEPALIVE_SECONDS = 15.0


def visible_to(user_id: uuid.UUID, team_ids: frozenset[uuid.UUID]) -> Any:
    contact_teams = select(EscalationContact.care_team_id).where(
        EscalationContact.user_id == user_id
    )
    return or_(
        Patient.care_team_id.in_(team_ids),
        and_(StreamEvent.type == ESCALATED, Patient.care_team_id.in_(contact_teams)),
    )


def events_after(
    engine: Engine, user_id: uuid.UUID, team_ids: frozenset[uuid.UUID], after: int
) -> list[Any]:
    query = (
        select(StreamEvent)
        .join(Patient, Patient.id == StreamEvent.patient_id)
        .where(StreamEvent.seq > after, visible_to(user_id, team_ids))
        .order_by(StreamEvent.seq)
        .limit(PAGE)
    )
    with engine.connect() as connection:
        return list(connection.execute(query).all())


def latest_seq(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.coalesce(func.max(StreamEvent.seq), 0))).scalar_one()


def sse_message(row: Any, base_url: str) -> str:
    body = {
        "type": row.type,
        "alert_id": str(row.alert_id),
        "patient_id": str(row.patient_id),
        "rule": row.rule,
        "tier": row.tier,
        "site": row.site,
        "link": f"{base_url}/patients/{row.patient_id}",
    }
    return f"id: {row.seq}\nevent: {row.type}\ndata: {json.dumps(body)}\n\n"


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

    def wait(self, seen: int, seconds: float) -> None:
        limit = seconds if self.listening else min(seconds, POLL_SECONDS)
        with self.condition:
            self.condition.wait_for(lambda: self.version != seen, timeout=limit)


_signals: dict[str, StreamSignal] = {}
_signals_lock = threading.Lock()


def signal_for(engine: Engine) -> StreamSignal:
    """One listener per process and database, started by the first stream."""
    key = engine.url.render_as_string(hide_password=True)
    with _signals_lock:
        if key not in _signals:
            _signals[key] = StreamSignal(engine)
        return _signals[key]


def stream(
    engine: Engine,
    user_id: uuid.UUID,
    team_ids: frozenset[uuid.UUID],
    after: int | None,
    seconds: float,
    base_url: str,
    clock: Any,
) -> Iterator[str]:
    """SSE text: replay after `after` (or start from now), then live events until `seconds`."""
    signal = signal_for(engine)
    deadline = clock() + seconds
    last = latest_seq(engine) if after is None else after
    yield f"retry: 3000\n: painline alert stream, closing after {seconds:g} s\n\n"
    quiet_since = clock()
    while True:
        seen = signal.version
        rows = events_after(engine, user_id, team_ids, last)
        for row in rows:
            yield sse_message(row, base_url)
            last = row.seq
        if rows:
            quiet_since = clock()
        if len(rows) == PAGE:
            continue
        remaining = deadline - clock()
        if remaining <= 0:
            return
        if clock() - quiet_since >= KEEPALIVE_SECONDS:
            yield ": keepalive\n\n"
            quiet_since = clock()
        signal.wait(seen, min(remaining, KEEPALIVE_SECONDS))

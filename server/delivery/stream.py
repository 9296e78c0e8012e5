"""The live stream's side of delivery: which events a clinician sees, and the stream itself.

A clinician sees the events of their care teams' patients, and the escalations of teams that
named them an escalation contact. Streams read the database with short queries of their own (no
session held open for minutes) and wait on their process's signal (`stream_signal`). While a
stream runs it asks again who holds it: before it sends anything, and every few seconds when
quiet; it ends as soon as its holder may no longer read it.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Engine

from server.delivery.open_streams import OpenStream
from server.delivery.routing import ESCALATED
from server.delivery.stream_signal import signal_for
from server.models import EscalationContact, Patient, StreamEvent
from server.models.base import utcnow
from server.security.stream_holder import StreamHolder

PAGE = 200
KEEPALIVE_SECONDS = 15.0
REPLACED = "stream.replaced"


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


def replaced_message() -> str:
    body = {"type": REPLACED, "message": "This worklist is live in a newer window or tab."}
    return f"event: {REPLACED}\ndata: {json.dumps(body)}\n\n"


@dataclass
class LiveStream:
    engine: Engine
    holder: StreamHolder
    team_ids: frozenset[uuid.UUID]
    place: OpenStream
    base_url: str
    recheck_seconds: float
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = utcnow

    def events(self, after: int | None, seconds: float) -> Iterator[str]:
        """SSE text: replay after `after` (or start from now), then live events until `seconds`."""
        try:
            yield from self.run(after, seconds)
        finally:
            # Before the server writes the end of the answer, so a client can open the next.
            self.place.close()

    def run(self, after: int | None, seconds: float) -> Iterator[str]:
        signal = signal_for(self.engine)
        deadline = self.clock() + seconds
        last = latest_seq(self.engine) if after is None else after
        yield f"retry: 3000\n: painline alert stream, closing after {seconds:g} s\n\n"
        quiet_since = checked_at = self.clock()
        while True:
            if self.place.replaced:
                yield replaced_message()
                return
            if self.place.ended:
                return
            seen = signal.version
            rows = events_after(self.engine, self.holder.user_id, self.team_ids, last)
            # Asked after the rows were read: an alert raised after access ended is never sent.
            if rows or self.clock() - checked_at >= self.recheck_seconds:
                teams = self.holder.teams_now(self.engine, self.now())
                checked_at = self.clock()
                if teams is None:
                    return
                if teams != self.team_ids:
                    self.team_ids = teams
                    continue
            for row in rows:
                yield sse_message(row, self.base_url)
                last = row.seq
            if rows:
                quiet_since = self.clock()
            if len(rows) == PAGE:
                continue
            remaining = deadline - self.clock()
            if remaining <= 0:
                return
            if self.clock() - quiet_since >= KEEPALIVE_SECONDS:
                yield ": keepalive\n\n"
                quiet_since = self.clock()
            until_check = checked_at + self.recheck_seconds - self.clock()
            wait = max(0.0, min(remaining, KEEPALIVE_SECONDS, until_check))
            signal.wait(seen, wait, lambda: self.place.stopped)

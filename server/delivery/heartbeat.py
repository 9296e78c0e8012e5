"""The worker's heartbeat and what `/healthz` makes of it and of the waiting notifications."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from server.delivery.dead_letters import open_dead_letters
from server.delivery.routing import ESCALATED, NOTIFIED_TIERS
from server.models import AlertEvent, Delivery, WorkerHeartbeat

BEHIND_AFTER = timedelta(minutes=5)
HEARTBEAT_EVERY = timedelta(seconds=5)
# Three missed beats: a busy or briefly paused worker is not reported, a dead one soon is.
MISSED_BEATS = 3
# Tests shorten the heartbeat through the app's config; the worker and /healthz read it alike.
HEARTBEAT_CONFIG_KEY = "PAINLINE_HEARTBEAT_SECONDS"


def heartbeat_every(config: Mapping[str, Any]) -> timedelta:
    seconds = config.get(HEARTBEAT_CONFIG_KEY)
    return HEARTBEAT_EVERY if seconds is None else timedelta(seconds=seconds)


def beat(session: Session, worker_id: str, started_at: datetime, now: datetime) -> None:
    row = session.get(WorkerHeartbeat, worker_id)
    if row is None:
        session.add(WorkerHeartbeat(worker_id=worker_id, started_at=started_at, beat_at=now))
    else:
        row.beat_at = now
    session.commit()


@dataclass(frozen=True)
class DeliveryHealth:
    last_heartbeat: datetime | None
    oldest_undelivered: datetime | None
    dead_letters: int
    behind: bool
    # No worker has beaten for MISSED_BEATS heartbeats: nothing is being sent at all.
    worker_down: bool = False
    minutes_without_worker: int = 0

    @property
    def status(self) -> str:
        return "worker down" if self.worker_down else "delayed" if self.behind else "ok"

    @property
    def worker(self) -> str:
        if self.last_heartbeat is None:
            return "no worker heartbeat yet"
        return "down" if self.worker_down else "seen"

    def as_dict(self) -> dict[str, object]:
        return {
            "status": self.status,
            "worker_heartbeat": self.last_heartbeat.isoformat() if self.last_heartbeat else None,
            "worker": self.worker,
            "oldest_undelivered": (
                self.oldest_undelivered.isoformat() if self.oldest_undelivered else None
            ),
            "dead_letters": self.dead_letters,
            "delivery": "delayed" if self.behind else "on time",
        }


def delivery_health(
    session: Session, now: datetime, heartbeat: timedelta = HEARTBEAT_EVERY
) -> DeliveryHealth:
    """Behind: a notification has waited more than 5 minutes. Worker down: the newest heartbeat
    is older than three heartbeats, whether or not anything waits (a fresh install that never
    had a worker is not down).

    A delivery waits from its fan-out. An outbox row not yet fanned out carries the time of the
    record that raised it (possibly days ago for a phone that was offline), so it only counts as
    waiting when no worker has beaten for 5 minutes either: then nobody is going to fan it out.
    """
    last_beat = session.scalar(select(func.max(WorkerHeartbeat.beat_at)))
    oldest_delivery = session.scalar(
        select(func.min(Delivery.created_at)).where(
            Delivery.delivered_at.is_(None), Delivery.dead_at.is_(None)
        )
    )
    oldest_event = session.scalar(
        select(func.min(AlertEvent.created_at)).where(
            AlertEvent.dispatched_at.is_(None),
            or_(AlertEvent.tier.in_(NOTIFIED_TIERS), AlertEvent.type == ESCALATED),
        )
    )
    worker_gone = last_beat is None or now - last_beat > BEHIND_AFTER
    behind = (oldest_delivery is not None and now - oldest_delivery > BEHIND_AFTER) or (
        oldest_event is not None and worker_gone and now - oldest_event > BEHIND_AFTER
    )
    waiting = [t for t in (oldest_delivery, oldest_event) if t is not None]
    silence = now - last_beat if last_beat is not None else timedelta(0)
    return DeliveryHealth(
        last_heartbeat=last_beat,
        oldest_undelivered=min(waiting) if waiting else None,
        dead_letters=open_dead_letters(session),
        behind=behind,
        worker_down=silence > MISSED_BEATS * heartbeat,
        minutes_without_worker=int(silence.total_seconds() // 60),
    )

"""The worker's scheduler: escalation timers and the time-based rules, one worker at a time.

On PostgreSQL the worker that holds a session-level advisory lock runs it; the lock lives on the
worker's own connection, so a worker that dies frees it and another takes over. On SQLite there
is one worker, which always runs it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from server.delivery.escalation import escalate_due
from server.delivery.time_based import BATCH, run_due_patients
from shared.config import RulesConfig

log = logging.getLogger(__name__)

SCHEDULER_LOCK_KEY = 7_450_002
INTERVAL = timedelta(seconds=30)


class Scheduler:
    def __init__(self, config: RulesConfig) -> None:
        self.config = config
        self.next_run: datetime | None = None

    def tick(self, session: Session, now: datetime) -> int:
        """Run when due; returns the work done (escalations plus patients evaluated)."""
        if self.next_run is not None and now < self.next_run:
            return 0
        escalations = escalate_due(session, now)
        evaluated = run_due_patients(session, now, self.config)
        if escalations.escalated:
            log.info("escalated %d alerts", escalations.escalated)
        if escalations.to_nobody:
            log.warning(
                "%d alerts were due for escalation in teams with no escalation contact; "
                "nobody was emailed",
                escalations.to_nobody,
            )
        # A full batch means more patients are due: come back on the next loop, not in 30 s.
        more = evaluated >= BATCH
        self.next_run = None if more else now + INTERVAL
        return escalations.escalated + escalations.to_nobody + evaluated

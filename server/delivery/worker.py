"""`flask painline worker`: the loop that fans out, delivers, retries, schedules and beats.

Every database step is its own short transaction; sending happens between them with no
transaction open. The clock is injectable (a callable returning an aware datetime), so tests
move time by hours without sleeping.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from flask import Flask

from server.config import Settings
from server.delivery.fanout import dispatch_events
from server.delivery.heartbeat import beat
from server.delivery.leases import LEASE, claim_due, record_failure, record_successes
from server.delivery.scheduler import SCHEDULER_LOCK_KEY, Scheduler
from server.delivery.sending import send
from server.delivery.wakeup import Wakeup
from server.extensions import db
from server.models.base import utcnow

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
HEARTBEAT_EVERY = timedelta(seconds=5)
SENDING_THREADS = 8


class Worker:
    def __init__(
        self,
        app: Flask,
        clock: Clock = utcnow,
        poll_seconds: float = 1.0,
        rng: random.Random | None = None,
        worker_id: str | None = None,
        lease: timedelta = LEASE,
    ) -> None:
        self.app = app
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.lease = lease
        self.rng = rng or random.Random()
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.settings: Settings = app.config["PAINLINE"]
        self.scheduler = Scheduler(app.extensions["painline_rules"])
        self.stop = threading.Event()
        self.started_at = clock()
        self.last_beat: datetime | None = None
        self.pool = ThreadPoolExecutor(SENDING_THREADS, thread_name_prefix="painline-send")
        with app.app_context():
            self.wakeup = Wakeup(db.engine, self.stop)

    def run(self) -> None:
        """Loop until `stop` is set; an error in one round is logged and the next round runs."""
        log.info("painline worker %s started", self.worker_id)
        try:
            while not self.stop.is_set():
                try:
                    busy = self.run_once()
                except Exception:
                    log.exception("delivery round failed; trying again")
                    busy = 0
                    self.stop.wait(self.poll_seconds)
                if not busy:
                    self.wakeup.wait(self.poll_seconds)
        finally:
            self.close()

    def run_once(self) -> int:
        """One round: heartbeat, fan-out, scheduler, one batch of deliveries. Returns work done."""
        with self.app.app_context():
            try:
                return self.round()
            finally:
                db.session.remove()

    def round(self) -> int:
        now = self.clock()
        if self.last_beat is None or now - self.last_beat >= HEARTBEAT_EVERY:
            beat(db.session, self.worker_id, self.started_at, now)
            self.last_beat = now
        work = dispatch_events(db.session, now)
        if self.wakeup.try_scheduler_lock(SCHEDULER_LOCK_KEY):
            work += self.scheduler.tick(db.session, now)
            work += dispatch_events(db.session, now)
        work += self.deliver_batch(now)
        return work

    def deliver_batch(self, now: datetime) -> int:
        jobs = claim_due(db.session, now, self.settings.base_url, lease=self.lease)
        if not jobs:
            return 0
        outcomes = list(self.pool.map(lambda job: send(job, self.settings), jobs))
        finished = self.clock()
        delivered = [
            job.delivery_id for job, error in zip(jobs, outcomes, strict=True) if not error
        ]
        record_successes(db.session, delivered, finished)
        for job, error in zip(jobs, outcomes, strict=True):
            if error is not None:
                log.warning("delivery %s (%s) failed: %s", job.delivery_id, job.channel, error)
                record_failure(db.session, job.delivery_id, error, finished, self.rng)
        return len(jobs)

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.wakeup.close()

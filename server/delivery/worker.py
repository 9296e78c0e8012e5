"""`flask painline worker`: the loop that fans out, delivers, retries, schedules and beats.

None of these waits on another. The heartbeat has a thread of its own. The loop fans out, runs
the scheduler and claims due deliveries, never more than there are idle senders, so a claimed
delivery starts at once and its lease cannot run out in a queue. Each sender thread sends one
delivery and records its outcome in its own session. A slow receiver holds one sender, and at
most for the delivery deadline, not the loop, the heartbeat or the other channels.

Every database step is its own short transaction; sending happens with no transaction open.
The clock is injectable (a callable returning an aware datetime), so tests move time by hours
without sleeping.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta

from flask import Flask

from server.config import Settings
from server.delivery.fanout import dispatch_events
from server.delivery.heartbeat import beat, heartbeat_every
from server.delivery.leases import BATCH, LEASE, Job, claim_due, record_failure, record_successes
from server.delivery.scheduler import SCHEDULER_LOCK_KEY, Scheduler
from server.delivery.sending import send
from server.delivery.wakeup import Wakeup
from server.extensions import db
from server.models.base import utcnow

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SENDING_THREADS = 8
# While every sender is busy the loop looks again this often (or as soon as one is free), so
# fan-out to the live stream and the scheduler keep going.
BUSY_SENDERS_WAIT = 0.2
# Longer than a heartbeat database write can take; the heartbeat thread is a daemon regardless.
HEARTBEAT_JOIN_SECONDS = 10.0


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
        self.heartbeat = heartbeat_every(app.config)
        self.stop = threading.Event()
        self.started_at = clock()
        self.last_beat: datetime | None = None
        self.pool = ThreadPoolExecutor(SENDING_THREADS, thread_name_prefix="painline-send")
        self.sending: set[Future[None]] = set()
        self.sending_lock = threading.Lock()
        self.sender_freed = threading.Event()
        self.heart = threading.Thread(
            target=self.keep_beating, name="painline-heartbeat", daemon=True
        )
        with app.app_context():
            self.wakeup = Wakeup(db.engine, self.stop)

    def run(self) -> None:
        """Loop until `stop` is set; an error in one round is logged and the next round runs."""
        log.info("painline worker %s started", self.worker_id)
        self.heart.start()
        try:
            while not self.stop.is_set():
                self.sender_freed.clear()
                try:
                    busy = self.in_context(self.round, self.idle_senders())
                except Exception:
                    log.exception("delivery round failed; trying again")
                    busy = 0
                    self.stop.wait(self.poll_seconds)
                if busy:
                    continue
                if self.idle_senders():
                    self.wakeup.wait(self.poll_seconds)
                else:
                    self.sender_freed.wait(min(self.poll_seconds, BUSY_SENDERS_WAIT))
        finally:
            self.close()

    def run_once(self) -> int:
        """One round that beats, claims a whole batch and waits for its deliveries: for tests."""
        work = self.in_context(self.beat_if_due)
        work += self.in_context(self.round, BATCH)
        self.wait_for_senders()
        return work

    def in_context(self, step: Callable[..., int], *args: object) -> int:
        with self.app.app_context():
            try:
                return step(*args)
            finally:
                db.session.remove()

    def round(self, claimable: int) -> int:
        now = self.clock()
        work = dispatch_events(db.session, now)
        if self.wakeup.try_scheduler_lock(SCHEDULER_LOCK_KEY):
            work += self.scheduler.tick(db.session, now)
            work += dispatch_events(db.session, now)
        work += self.start_deliveries(now, claimable)
        return work

    def keep_beating(self) -> None:
        """The heartbeat's own thread: it beats on time however slow the deliveries are."""
        while not self.stop.is_set():
            try:
                self.in_context(self.beat_if_due)
            except Exception:
                log.exception("heartbeat failed; trying again")
            self.stop.wait(self.heartbeat.total_seconds())

    def beat_if_due(self) -> int:
        now = self.clock()
        # A little early counts: the thread's wait and the write take time of their own.
        if self.last_beat is None or now - self.last_beat >= self.heartbeat * 0.9:
            beat(db.session, self.worker_id, self.started_at, now)
            self.last_beat = now
        return 0

    def idle_senders(self) -> int:
        with self.sending_lock:
            return SENDING_THREADS - len(self.sending)

    def start_deliveries(self, now: datetime, claimable: int) -> int:
        if claimable <= 0:
            return 0
        jobs = claim_due(db.session, now, self.settings.base_url, claimable, self.lease)
        for job in jobs:
            future = self.pool.submit(self.deliver, job)
            with self.sending_lock:
                self.sending.add(future)
            future.add_done_callback(self.sender_done)
        return len(jobs)

    def deliver(self, job: Job) -> None:
        """In a sender thread: send, then record the outcome at once in this thread's session."""
        error = send(job, self.settings)
        try:
            with self.app.app_context():
                try:
                    self.record(job, error)
                finally:
                    db.session.remove()
        except Exception:
            # The lease runs out and the delivery is sent again: at least once, never lost.
            log.exception("could not record delivery %s; it will be retried", job.delivery_id)

    def record(self, job: Job, error: str | None) -> None:
        finished = self.clock()
        if error is None:
            record_successes(db.session, [job.delivery_id], finished)
            return
        log.warning("delivery %s (%s) failed: %s", job.delivery_id, job.channel, error)
        record_failure(db.session, job.delivery_id, error, finished, self.rng)

    def sender_done(self, future: Future[None]) -> None:
        with self.sending_lock:
            self.sending.discard(future)
        self.sender_freed.set()

    def wait_for_senders(self) -> None:
        with self.sending_lock:
            pending = list(self.sending)
        concurrent.futures.wait(pending)

    def close(self) -> None:
        """Stop beating and wait for the deliveries in flight, each ended by its deadline."""
        self.stop.set()
        if self.heart.is_alive():
            self.heart.join(HEARTBEAT_JOIN_SECONDS)
        self.pool.shutdown(wait=True)
        self.wakeup.close()

"""PostgreSQL only: several workers share the outbox, LISTEN/NOTIFY wakes streams in other
processes, one worker at a time holds the scheduler, and a worker killed mid-send loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from server.models import Alert, AlertEvent, Delivery
from tests.server.conftest import Api
from tests.server.delivery.builders import only_alert, raise_emergency, with_channels
from tests.server.delivery.conftest import BASE_URL, delivery_app, empty
from tests.server.delivery.receivers import wait_for
from tests.support.builders import World, build_world

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def pg_app(postgres_url: str, smtp: Any, mailbox: Any) -> Iterator[Flask]:
    app = delivery_app(postgres_url, smtp)
    yield app
    empty(app)


@pytest.fixture
def pg_world(pg_app: Flask) -> Iterator[World]:
    from server.extensions import db

    with pg_app.app_context():
        yield build_world(db.session)


@pytest.fixture
def pg_api(pg_app: Flask, pg_world: World) -> Api:
    return Api(pg_app.test_client(), pg_world)


@pytest.fixture
def workers(pg_app: Flask) -> Iterator[Any]:
    """Workers on PostgreSQL apps (the shared fixture would run these on SQLite too)."""
    from server.delivery.worker import Worker

    made: list[Worker] = []

    def make(target: Flask | None = None, **options: Any) -> Worker:
        worker = Worker(target or pg_app, **options)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.stop.set()
        worker.close()


def session_of(app: Flask) -> Any:
    from server.extensions import db

    return db.session


def outbox_rows(session: Any, alert: Alert, count: int) -> None:
    for _ in range(count):
        session.add(
            AlertEvent(
                clinic_id=alert.clinic_id,
                patient_id=alert.patient_id,
                alert_id=alert.id,
                type="alert.tier_raised",
                tier="emergency",
            )
        )
    session.commit()


def test_two_workers_deliver_a_thousand_notifications_once_each(
    pg_app, pg_world, pg_api, postgres_url, smtp, receiver, workers
):
    session = session_of(pg_app)
    with_channels_webhook_only(session, pg_world, receiver)
    raise_emergency(pg_api)
    outbox_rows(session, only_alert(session), 999)
    other_app = delivery_app(postgres_url, smtp)
    first, second = workers(target=pg_app), workers(target=other_app)
    threads = [threading.Thread(target=w.run) for w in (first, second)]
    for thread in threads:
        thread.start()

    try:
        # Exactly once is the point, not speed (make bench measures that): a busy 2-core machine
        # takes 40 to 60 s.
        wait_for(lambda: len(receiver.calls) >= 1000, seconds=180)
    finally:
        for worker in (first, second):
            worker.stop.set()
        for thread in threads:
            thread.join(30)
        with other_app.app_context():
            session_of(other_app).remove()
            other_app.extensions["sqlalchemy"].engines[None].dispose()

    session.expire_all()
    deliveries = session.scalars(select(Delivery)).all()
    assert len(deliveries) == 1000
    assert len(receiver.calls) == 1000, "a notification was sent twice"
    assert set(receiver.unique) == {str(d.id) for d in deliveries}
    assert all(d.delivered_at is not None and d.attempts == 1 for d in deliveries)


def with_channels_webhook_only(session: Any, world: World, receiver: Any) -> None:
    from server.models import Webhook

    team = world.team_a
    session.add(
        Webhook(
            clinic_id=team.clinic_id, care_team_id=team.id, url=receiver.url, secret=receiver.secret
        )
    )
    session.commit()


def test_a_stream_in_one_process_hears_a_fan_out_made_by_another(
    pg_app, pg_world, pg_api, postgres_url, smtp, workers
):
    other_app = delivery_app(postgres_url, smtp)
    worker = workers(target=other_app, poll_seconds=30)
    runner = threading.Thread(target=worker.run)
    runner.start()
    stream = pg_api.get("/api/v1/events?timeout=30", "clinician_a", buffered=False)
    seen: list[str] = []

    def read() -> None:
        for chunk in stream.response:
            seen.append(chunk.decode() if isinstance(chunk, bytes) else chunk)
            if "alert.raised" in "".join(seen):
                return

    reader = threading.Thread(target=read)
    reader.start()
    try:
        raise_emergency(pg_api)
        # The worker polls every 30 s: only NOTIFY (outbox, then stream) can make this quick.
        reader.join(10)
        assert "event: alert.raised" in "".join(seen)
    finally:
        worker.stop.set()
        runner.join(30)
        stream.close()
        with other_app.app_context():
            other_app.extensions["sqlalchemy"].engines[None].dispose()


def test_one_worker_at_a_time_holds_the_scheduler(pg_app, postgres_url, smtp, workers):
    from server.delivery.scheduler import SCHEDULER_LOCK_KEY

    first, second = workers(target=pg_app), workers(target=pg_app)

    assert first.wakeup.try_scheduler_lock(SCHEDULER_LOCK_KEY)
    assert not second.wakeup.try_scheduler_lock(SCHEDULER_LOCK_KEY)
    first.close()
    # The server frees the lock when it notices the closed connection, a moment later.
    wait_for(lambda: second.wakeup.try_scheduler_lock(SCHEDULER_LOCK_KEY), seconds=10)


def start_worker(postgres_url: str, smtp: Any) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PAINLINE_ENV": "development",
        "PAINLINE_DATABASE_URL": postgres_url,
        "PAINLINE_SMTP_URL": smtp.url,
        "PAINLINE_BASE_URL": BASE_URL,
    }
    command = [sys.executable, "-m", "flask", "--app", "server", "painline", "worker"]
    return subprocess.Popen(
        [*command, "--poll", "0.2", "--lease", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_worker_killed_mid_delivery_delivers_after_restart(
    pg_app, pg_world, pg_api, postgres_url, smtp, receiver
):
    session = session_of(pg_app)
    with_channels(session, pg_world.team_a, receiver.url, receiver.secret)
    receiver.hold = threading.Event()
    raise_emergency(pg_api)
    worker = start_worker(postgres_url, smtp)
    try:
        assert receiver.holding.wait(30), "the worker never called the receiver"
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        held, receiver.hold = receiver.hold, None
        held.set()
        worker = start_worker(postgres_url, smtp)

        def delivered() -> bool:
            session.expire_all()
            rows = session.scalars(select(Delivery).where(Delivery.channel == "webhook")).all()
            return bool(rows) and all(d.delivered_at for d in rows)

        wait_for(delivered, seconds=30)
    finally:
        worker.kill()
        worker.wait(10)

    (delivery,) = session.scalars(select(Delivery).where(Delivery.channel == "webhook")).all()
    assert delivery.attempts >= 2
    assert set(receiver.unique) == {str(delivery.id)}
    assert len(receiver.calls) >= 2, "the receiver saw the killed attempt and the retry"

"""A dead worker looks dead: `/healthz` answers 503 "worker down" once the newest heartbeat is
three heartbeats old, and the worklist tells the clinician that alerts are not being sent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from server.delivery.heartbeat import HEARTBEAT_CONFIG_KEY
from server.models import WorkerHeartbeat
from server.models.base import utcnow
from tests.conftest import ROOT, make_app
from tests.server.dashboard.conftest import Dashboard
from tests.server.delivery.conftest import BASE_URL, empty
from tests.server.delivery.receivers import wait_for

HEARTBEAT_SECONDS = 1.0


@pytest.fixture
def short_heartbeat_app(postgres_url: str, smtp: Any) -> Iterator[Flask]:
    environ = {"PAINLINE_SMTP_URL": smtp.url, "PAINLINE_BASE_URL": BASE_URL}
    app = make_app(postgres_url, ENVIRON=environ, **{HEARTBEAT_CONFIG_KEY: HEARTBEAT_SECONDS})
    yield app
    empty(app)


def start_worker(postgres_url: str, smtp: Any) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PAINLINE_ENV": "development",
        "PAINLINE_DATABASE_URL": postgres_url,
        "PAINLINE_SMTP_URL": smtp.url,
        "PAINLINE_BASE_URL": BASE_URL,
    }
    command = [sys.executable, "-m", "tests.server.delivery.beating_worker", str(HEARTBEAT_SECONDS)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def health(app: Flask) -> tuple[int, dict[str, Any]]:
    response = app.test_client().get("/healthz")
    return response.status_code, response.get_json()


def test_a_killed_worker_turns_healthz_to_503_worker_down_after_three_heartbeats(
    short_heartbeat_app, postgres_url, smtp
):
    worker = start_worker(postgres_url, smtp)
    try:
        wait_for(lambda: health(short_heartbeat_app)[1]["worker"] == "seen", seconds=60)
        # Alive for more than three heartbeats with nothing to do: never reported down.
        alive_until = time.monotonic() + 3 * HEARTBEAT_SECONDS + 1
        while time.monotonic() < alive_until:
            status, body = health(short_heartbeat_app)
            assert (status, body["status"], body["worker"]) == (200, "ok", "seen")
            time.sleep(0.2)

        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        killed_at = time.monotonic()
        wait_for(lambda: health(short_heartbeat_app)[0] == 503, seconds=30)
        noticed_after = time.monotonic() - killed_at
    finally:
        worker.kill()
        worker.wait(10)

    status, body = health(short_heartbeat_app)
    assert status == 503
    assert (body["status"], body["worker"]) == ("worker down", "down")
    assert body["delivery"] == "on time", "nothing was waiting: the worker alone is the trouble"
    # The last beat came at most one heartbeat before the kill.
    assert noticed_after >= 2 * HEARTBEAT_SECONDS - 0.5


def an_old_heartbeat(session: Any, minutes: float) -> None:
    now = utcnow()
    session.add(
        WorkerHeartbeat(
            worker_id="night-worker",
            started_at=now - timedelta(days=1),
            beat_at=now - timedelta(minutes=minutes),
        )
    )
    session.commit()


def test_a_heartbeat_older_than_three_beats_is_a_worker_down_with_nothing_waiting(
    client, db_session
):
    an_old_heartbeat(db_session, minutes=1)

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.get_json()
    assert (body["status"], body["worker"], body["delivery"]) == ("worker down", "down", "on time")


def test_the_worklist_says_alert_delivery_has_stopped_when_no_worker_beats(
    client, world, db_session
):
    an_old_heartbeat(db_session, minutes=12.5)

    page = Dashboard(client, world).get("/").get_data(as_text=True)

    assert (
        "Alert delivery has stopped: no delivery worker has been seen for 12 minutes, "
        "so email and webhook alerts are not being sent."
    ) in page
    assert "flask painline worker" in page


def test_the_worklist_has_no_stopped_banner_while_a_worker_beats(client, world, db_session):
    an_old_heartbeat(db_session, minutes=0)

    page = Dashboard(client, world).get("/").get_data(as_text=True)

    assert "Alert delivery has stopped" not in page

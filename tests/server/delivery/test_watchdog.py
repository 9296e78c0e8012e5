"""/healthz watches delivery: the worker's heartbeat and the oldest waiting notification."""

from __future__ import annotations

from datetime import timedelta

from server.models.base import utcnow
from tests.server.delivery.builders import raise_emergency, with_channels
from tests.server.delivery.conftest import Clock
from tests.server.sync.pushes import push
from tests.shared.builders import report_wire


def test_a_fresh_install_is_healthy_before_any_worker_ran(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.get_json()
    assert body["worker"] == "no worker heartbeat yet"
    assert (body["delivery"], body["oldest_undelivered"]) == ("on time", None)


def test_a_running_worker_with_nothing_waiting_is_healthy(api, world, workers):
    raise_emergency(api)
    workers().run_once()

    body = api.get("/healthz").get_json()

    assert body["status"] == "ok" and body["worker"] == "seen"
    assert body["worker_heartbeat"] is not None


def test_a_stopped_worker_makes_healthz_answer_503(api, world, workers):
    stopped_ten_minutes_ago = workers(clock=Clock(utcnow() - timedelta(minutes=10)))
    stopped_ten_minutes_ago.run_once()
    stopped_ten_minutes_ago.close()
    at = utcnow() - timedelta(minutes=6)
    push(
        api,
        reports=[
            report_wire(at.date(), symptoms=["limb_weakness"], hour=at.hour, minute=at.minute)
        ],
    )

    response = api.get("/healthz")

    assert response.status_code == 503
    body = response.get_json()
    assert (body["status"], body["worker"], body["delivery"]) == ("worker down", "down", "delayed")


def test_a_notification_retrying_for_over_five_minutes_makes_healthz_answer_503(
    api, world, db_session, receiver, workers
):
    with_channels(db_session, world.team_a, receiver.url, receiver.secret)
    receiver.stop()
    raise_emergency(api)
    workers(clock=Clock(utcnow() - timedelta(minutes=6))).run_once()
    workers().run_once()

    response = api.get("/healthz")

    assert response.status_code == 503
    assert response.get_json()["delivery"] == "delayed"

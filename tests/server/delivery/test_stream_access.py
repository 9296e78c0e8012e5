"""A live stream asks again who holds it: it ends soon after its holder's access ends, and sends
nothing raised after that. Served over real HTTP, on both databases."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import delete, insert, update

from server.models import ApiToken, team_members
from server.models.base import utcnow
from server.security.dashboard_session import IDLE_LIMIT
from server.services.accounts import deactivate_user
from tests.server.dashboard.signing_in import sign_in_with_token
from tests.server.delivery.builders import raise_emergency, raise_urgent
from tests.server.delivery.live import open_stream, served

# Seconds a test allows a stream to notice; the re-check interval is far shorter in these tests.
NOTICE_SECONDS = 5


@pytest.fixture
def port(app: Flask) -> Iterator[int]:
    app.config["PAINLINE_STREAM_RECHECK_SECONDS"] = 0.3
    with served(app) as port:
        yield port


def test_a_deactivated_clinicians_stream_ends_within_seconds(port, api, world, workers, db_session):
    worker = workers()
    reader = open_stream(port, world.bearer("clinician_a"))
    raise_emergency(api)
    worker.run_once()
    assert [event["tier"] for event in reader.wait_for_events(1)] == ["emergency"]

    deactivate_user(db_session, world.clinician_a.email, utcnow())

    assert reader.ended.wait(NOTICE_SECONDS), "the stream outlived its user"
    raise_urgent(api)
    worker.run_once()
    assert len(reader.events) == 1
    reader.close()


def test_an_alert_raised_after_deactivation_is_never_sent(app, port, api, world, workers):
    # Only the check before sending can stop this one: the periodic check is a minute away.
    app.config["PAINLINE_STREAM_RECHECK_SECONDS"] = 60
    reader = open_stream(port, world.bearer("clinician_a"))
    from server.extensions import db

    deactivate_user(db.session, world.clinician_a.email, utcnow())
    raise_emergency(api)
    workers().run_once()

    assert reader.ended.wait(NOTICE_SECONDS)
    assert reader.events == []
    reader.close()


def test_a_stream_ends_when_its_token_is_revoked(port, api, world):
    reader = open_stream(port, world.bearer("clinician_a"))

    assert api.post("/api/v1/auth/logout", "clinician_a").status_code == 204

    assert reader.ended.wait(NOTICE_SECONDS)
    reader.close()


def test_a_stream_ends_when_its_token_expires(port, world, db_session):
    reader = open_stream(port, world.bearer("clinician_a"))

    db_session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == world.clinician_a.id)
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    db_session.commit()

    assert reader.ended.wait(NOTICE_SECONDS)
    reader.close()


def test_a_dashboard_stream_ends_with_its_session(app, port, world):
    client = app.test_client()
    # A session two seconds from its idle limit: the stream does not restart the idle clock.
    sign_in_with_token(client, world.tokens["clinician_a"], at=utcnow() - IDLE_LIMIT)
    sign_in_with_token(
        client, world.tokens["clinician_a"], at=utcnow() - IDLE_LIMIT + timedelta(seconds=2)
    )
    cookie = client.get_cookie("painline_session")
    assert cookie is not None
    opened = time.monotonic()
    reader = open_stream(port, {"Cookie": f"painline_session={cookie.value}"})

    assert reader.ended.wait(NOTICE_SECONDS)
    assert time.monotonic() - opened >= 1, "the stream ended before the session did"
    reader.close()


def test_a_stream_sends_only_the_teams_its_clinician_still_belongs_to(
    port, api, world, workers, db_session
):
    reader = open_stream(port, world.bearer("clinician_a"))
    clinician = world.clinician_a.id
    # Moved from team A to team B while the stream is open.
    db_session.execute(delete(team_members).where(team_members.c.user_id == clinician))
    db_session.execute(insert(team_members).values(user_id=clinician, care_team_id=world.team_b.id))
    db_session.commit()

    raise_emergency(api, "device_a")
    raise_emergency(api, "device_b")
    workers().run_once()

    events = reader.wait_for_events(1)
    time.sleep(1)  # anything else the stream would send comes with the first
    assert [event["patient_id"] for event in reader.events] == [str(world.patient_b.id)]
    assert events[0]["tier"] == "emergency"
    assert not reader.ended.is_set()
    reader.close()

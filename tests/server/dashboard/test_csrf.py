"""Every dashboard form post needs this session's CSRF token; without it nothing changes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from server.models import Alert
from tests.server.api.alerting import raise_emergency_alert


@pytest.fixture
def alert_url(api, world, db_session):
    raise_emergency_alert(api)
    alert = db_session.scalars(select(Alert).where(Alert.patient_id == world.patient_a.id)).one()
    return f"/patients/{world.patient_a.id}/alerts/{alert.id}/acknowledge", alert


def test_a_post_without_the_token_is_refused_and_changes_nothing(dashboard, alert_url, db_session):
    url, alert = alert_url

    response = dashboard.post(url, {"note": "forged"}, csrf=False)

    assert response.status_code == 400
    db_session.refresh(alert)
    assert alert.status == "open"


def test_a_post_with_another_sessions_token_is_refused(dashboard, alert_url):
    url, _ = alert_url

    response = dashboard.post(url, {"note": "forged", "csrf_token": "x" * 43}, csrf=False)

    assert response.status_code == 400


def test_the_same_post_with_the_token_goes_through(dashboard, alert_url, db_session):
    url, alert = alert_url

    response = dashboard.post(url, {"note": "On it."})

    assert response.status_code == 303
    db_session.refresh(alert)
    assert alert.status == "acknowledged"


def test_the_login_form_needs_its_token_too(client, world):
    response = client.post("/login", data={"email": world.clinician_a.email, "password": "x"})

    assert response.status_code == 400


def test_signing_in_issues_a_fresh_token(client, world):
    from tests.server.dashboard.signing_in import csrf_of, log_in

    before = csrf_of(client.get("/login"))
    log_in(client, world.clinician_a.email)

    assert csrf_of(client.get("/")) != before

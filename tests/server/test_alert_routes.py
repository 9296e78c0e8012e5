"""A team is alert-ready when urgent alerts reach someone outside the worklist: a working email
or webhook and an escalation contact. Until then every page says so, and /healthz says
"incomplete" (naming no team) while still answering 200 for this alone."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from server.models import AlertEvent, Delivery
from server.models.base import utcnow
from tests.server.dashboard.signing_in import sign_in_with_token
from tests.server.delivery.builders import (
    TEAM_INBOX,
    raise_emergency,
    with_channels,
    with_escalation_contact,
)

BANNER = re.compile(r'<p class="banner banner-danger alert-routes" role="alert">(.*?)</p>', re.S)


def banners(client, world, who="clinician_a", path="/"):
    sign_in_with_token(client, world.tokens[who])
    page = client.get(path).get_data(as_text=True)
    return [" ".join(re.sub(r"<[^>]+>", "", text).split()) for text in BANNER.findall(page)]


def test_a_team_without_routes_is_named_on_every_page_of_its_clinicians(client, world):
    for path in ("/", f"/patients/{world.patient_a.id}", "/patients/new"):
        (shown,) = banners(client, world, path=path)
        assert shown == (
            "Urgent alerts for Team A reach nobody outside this worklist: it has no working "
            "alert email or webhook and no escalation contact. Ask an admin to add an email "
            "address, a webhook or an escalation contact."
        )


def test_an_email_address_alone_is_not_enough(client, world, db_session):
    with_channels(db_session, world.team_a)

    (shown,) = banners(client, world)

    assert "it has no escalation contact." in shown


def test_a_ready_team_shows_no_banner_and_healthz_says_complete(client, world, db_session):
    for team, contact in ((world.team_a, world.clinician_b), (world.team_b, world.clinician_a)):
        with_channels(db_session, team)
        with_escalation_contact(db_session, team, contact)

    assert banners(client, world) == []
    health = client.get("/healthz")
    assert (health.status_code, health.get_json()["alert_routes"]) == (200, "complete")


def test_a_channel_whose_last_delivery_failed_does_not_count(client, api, world, db_session):
    with_channels(db_session, world.team_a)
    with_escalation_contact(db_session, world.team_a, world.clinician_b)
    raise_emergency(api)
    event = db_session.scalars(select(AlertEvent)).one()
    now = utcnow()
    db_session.add(
        Delivery(
            clinic_id=world.clinic.id,
            event_id=event.id,
            channel="email",
            recipient=TEAM_INBOX,
            attempts=1,
            next_attempt_at=now + timedelta(minutes=1),
            last_error="SMTP mail.example.org:25: connection refused",
        )
    )
    db_session.commit()

    (shown,) = banners(client, world)

    assert "it has no working alert email or webhook." in shown


def test_admins_see_every_team_of_the_clinic_with_a_link_to_fix_it(client, world):
    shown = banners(client, world, who="admin", path="/admin/users")

    assert [text.split(":")[0] for text in shown] == [
        "Urgent alerts for Team A reach nobody outside this worklist",
        "Urgent alerts for Team B reach nobody outside this worklist",
    ]
    assert all("Add them under Team" in text for text in shown)


def test_healthz_says_incomplete_without_naming_a_team_and_stays_200(client, world):
    health = client.get("/healthz")

    assert health.status_code == 200
    body = health.get_json()
    assert (body["status"], body["alert_routes"]) == ("ok", "incomplete")
    assert "Team A" not in health.get_data(as_text=True)

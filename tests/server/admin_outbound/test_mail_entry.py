"""What goes into an email header is checked at entry: one address per entry, one-line team
names. A refusal says why on the page and stores nothing; a bad value stored before the checks
makes the test notification say so, never a server error."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from server.models import CareTeam, EmailChannel, EscalationContact

REFUSED_ADDRESSES = [
    ("ward@example.org, spy@example.net", "holds several"),
    ("ward@example.org\r\nBcc: spy@example.net", "must be one line"),
    ('"Ward" <ward@example.org>', "is not a plain address"),
    ("ward@", "is not a plain address"),
    ("@example.org", "is not an email address"),
]


@pytest.mark.parametrize(("address", "told"), REFUSED_ADDRESSES)
def test_an_alert_email_entry_holds_exactly_one_address(
    admin_pages, world, db_session, address, told
):
    response = admin_pages.post(f"/admin/teams/{world.team_a.id}/emails", {"address": address})

    assert response.status_code == 422
    assert told in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.scalars(select(EmailChannel)).all() == []


@pytest.mark.parametrize(
    "email", ["{0}, spy@example.net", "{0}\nBcc: spy@example.net", '"Boss" <{0}>']
)
def test_an_escalation_contact_holds_exactly_one_address(admin_pages, world, db_session, email):
    form = {"email": email.format(world.clinician_a.email)}

    response = admin_pages.post(f"/admin/teams/{world.team_a.id}/contacts", form)

    assert response.status_code == 422
    db_session.expire_all()
    assert db_session.scalars(select(EscalationContact)).all() == []


def test_a_plain_address_is_stored(admin_pages, world, db_session):
    response = admin_pages.post(
        f"/admin/teams/{world.team_a.id}/emails", {"address": " ward@example.org "}
    )

    assert response.status_code == 303
    db_session.expire_all()
    assert db_session.scalars(select(EmailChannel.address)).all() == ["ward@example.org"]


@pytest.mark.parametrize("name", ["Night\r\nBcc: spy@example.net", "Night\u2028team", "Ni\x07ght"])
def test_a_team_name_with_a_line_break_or_control_character_is_refused(
    admin_pages, db_session, name
):
    teams_before = set(db_session.scalars(select(CareTeam.name)))

    response = admin_pages.post("/admin/teams", {"name": name})

    assert response.status_code == 422
    assert "A team name must be one line" in response.get_data(as_text=True)
    db_session.expire_all()
    assert set(db_session.scalars(select(CareTeam.name))) == teams_before


def test_a_stored_team_name_with_a_line_break_makes_the_test_notification_say_so(
    admin_pages, world, db_session
):
    team = world.team_a
    team.name = "Bone\r\nBcc: spy@example.net"
    db_session.add(EmailChannel(clinic_id=team.clinic_id, care_team_id=team.id, address="w@x.org"))
    db_session.commit()

    response = admin_pages.post(f"/admin/teams/{team.id}/test-notification")
    page = admin_pages.get(f"/admin/teams/{team.id}")

    assert response.status_code == 303
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Test notification to w@x.org failed: the email could not be written" in text
    assert "holds a line break or control character" in text

"""A refused form of the admin's team page shows the page again as typed, the error by its field."""

from __future__ import annotations

from sqlalchemy import select

from server.models import CareTeam, EmailChannel
from tests.server.dashboard.conftest import Dashboard
from tests.server.dashboard.test_refused_forms import error_of


def test_a_bad_emergency_number_keeps_the_phone_settings_as_typed(client, world, db_session):
    admin = Dashboard(client, world, "admin")
    form = {
        "helpline": "+44 20 7946 0999",
        "call_now_text": "Call the night nurse now.",
        "out_of_hours_text": "",
        "check_in_reminder": "19:30",
        "emergency_number": "9",
    }

    response = admin.post(f"/admin/teams/{world.team_a.id}/settings", form)

    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert error_of(html, "settings", "emergency-number") == (
        "Emergency number: the emergency number is 2 to 8 digits, such as 999, 112 or 911."
    )
    assert "Call the night nurse now.</textarea>" in html
    assert 'value="+44 20 7946 0999"' in html
    db_session.expire_all()
    assert db_session.get(CareTeam, world.team_a.id).helpline != "+44 20 7946 0999"


def test_a_bad_alert_address_is_named_next_to_its_field(client, world, db_session):
    admin = Dashboard(client, world, "admin")

    response = admin.post(f"/admin/teams/{world.team_a.id}/emails", {"address": "ward@"})

    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert error_of(html, "email", "address").startswith("Email address: 'ward@' is not")
    assert 'value="ward@"' in html
    assert db_session.scalars(select(EmailChannel)).all() == []

"""The banner a clinician sees while their team's urgent alerts reach nobody outside the
worklist, read from the page, and gone once the team has an alert email and a contact."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from server.extensions import db
from tests.e2e.signing_in import sign_in
from tests.server.delivery.builders import with_channels, with_escalation_contact
from tests.support.builders import World

pytestmark = pytest.mark.browser


def test_the_banner_names_what_is_missing_until_the_team_is_alert_ready(
    page: Page, live_server, world: World
):
    sign_in(page, live_server.url, world.clinician_a.email)

    banner = page.locator(".banner.alert-routes")
    expect(banner).to_have_count(1)
    expect(banner).to_contain_text("Urgent alerts for Team A reach nobody outside this worklist")
    expect(banner).to_contain_text("no working alert email or webhook and no escalation contact")
    page.goto(f"{live_server.url}/patients/{world.patient_a.id}")
    expect(page.locator(".banner.alert-routes")).to_have_count(1)

    with_channels(db.session, world.team_a)
    with_escalation_contact(db.session, world.team_a, world.clinician_b)
    page.reload()

    expect(page.locator(".banner.alert-routes")).to_have_count(0)

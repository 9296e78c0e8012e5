"""An administrator's work in a real browser: users, teams and their settings, alert channels with
a test notification, dead letters and the audit log. Admins never see clinical data."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from server.extensions import db
from server.models import (
    AuditEvent,
    CareTeam,
    DeadLetter,
    Delivery,
    EmailChannel,
    EscalationContact,
    User,
    Webhook,
)
from server.security.passwords import verify_password
from tests.e2e.receivers import mailbox, webhook_receiver  # noqa: F401 (fixtures)
from tests.e2e.signing_in import sign_in_admin
from tests.server.access_matrix import WEBHOOK_SECRET, a_dead_letter_of
from tests.support.builders import World

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a brand new long password"


def admin_signs_in(page: Page, live_server, world: World) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in_admin(page, live_server.url, world.admin.email, world.admin.totp_secret)


def link_on_the_page(page: Page) -> str:
    link = page.locator("code.password-link")
    expect(link).to_be_visible()
    return link.inner_text().strip()


def the_user_chooses_a_password(page: Page, link: str, password: str) -> None:
    page.goto(link)
    page.get_by_label("New password").fill(password)
    page.get_by_label("The same password again").fill(password)
    page.get_by_role("button", name="Set my password").click()
    expect(page.locator(".flash")).to_contain_text("Your password is set. Sign in with it.")


def test_an_admin_creates_resets_enrols_and_deactivates_a_clinician(
    page: Page, live_server, world: World, browser
):
    admin_signs_in(page, live_server, world)

    page.get_by_label("Email").fill("dr.new@example.org")
    expect(page.locator('input[type="password"]')).to_have_count(0)
    page.get_by_label("Role").select_option("clinician")
    page.get_by_label(world.team_a.name).check()
    page.get_by_role("button", name="Create user").click()
    expect(page.locator("main")).to_contain_text("Give this link to dr.new@example.org yourself")
    first_link = link_on_the_page(page)
    assert first_link.startswith(f"{live_server.url}/set-password/")
    db.session.expire_all()
    user = db.session.scalar(select(User).where(User.email == "dr.new@example.org"))
    assert [team.name for team in user.teams] == [world.team_a.name]

    # The clinician, in a browser of their own, spends the link and signs in with their password.
    theirs = browser.new_page()
    refused: list[str] = []  # as the `page` fixture does: the pages they see obey the CSP too
    theirs.on("console", lambda message: refused.append(message.text))
    the_user_chooses_a_password(theirs, first_link, "a first long password")
    theirs.get_by_label("Email").fill("dr.new@example.org")
    theirs.get_by_label("Password").fill("a first long password")
    theirs.get_by_role("button", name="Sign in").click()
    theirs.wait_for_url(f"{live_server.url}/")
    expect(theirs.get_by_role("navigation", name="Main")).to_contain_text("Worklist")

    page.get_by_role("link", name="Back to users").click()
    row = page.locator('tr[data-user="dr.new@example.org"]')
    row.get_by_role("button", name="Reset password of dr.new@example.org").click()
    expect(page.locator("main")).to_contain_text("old password no longer works")
    new_link = link_on_the_page(page)
    assert new_link != first_link
    db.session.refresh(user)
    assert not verify_password(user.password_hash, "a first long password")
    theirs.reload()
    expect(theirs).to_have_url(re.compile(r"/login"))
    the_user_chooses_a_password(theirs, new_link, NEW_PASSWORD)
    db.session.refresh(user)
    assert verify_password(user.password_hash, NEW_PASSWORD)
    assert [text for text in refused if "Content Security Policy" in text] == []
    theirs.close()

    page.get_by_role("link", name="Back to users").click()
    page.get_by_role("button", name="New authenticator for dr.new@example.org").click()
    qr = page.get_by_role("img", name="Authenticator code for dr.new@example.org")
    expect(qr).to_be_visible()
    expect(page.locator("code.otpauth")).to_contain_text("otpauth://totp/")
    db.session.refresh(user)
    assert user.totp_secret is not None

    page.get_by_role("link", name="Back to users").click()
    page.get_by_role("button", name="Deactivate dr.new@example.org").click()
    expect(page.locator(".flash")).to_contain_text("can no longer sign in")
    db.session.refresh(user)
    assert user.active is False
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.user_id == world.admin.id)
    ).all()
    assert set(actions) >= {
        "admin.users.create",
        "admin.users.reset_password",
        "admin.users.enrol_totp",
        "admin.users.deactivate",
    }


def test_an_admin_sets_up_a_team_and_sends_a_test_notification(
    page: Page,
    live_server,
    world: World,
    mailbox,  # noqa: F811
    webhook_receiver,  # noqa: F811
):
    admin_signs_in(page, live_server, world)
    page.get_by_role("link", name="Care teams").click()
    page.get_by_label("Name").fill("Night team")
    page.get_by_role("button", name="Create team").click()
    expect(page.get_by_role("heading", name="Night team", level=1)).to_be_visible()

    page.get_by_label("Clinician", exact=True).select_option(label=world.clinician_b.email)
    page.get_by_role("button", name="Add to team").click()
    expect(page.locator("#members")).to_contain_text(world.clinician_b.email)

    page.get_by_label("Helpline").fill("+44 20 7946 0999")
    page.get_by_label('"Call now" text').fill("Call the night nurse now.")
    page.get_by_label("Out-of-hours text").fill("After 22:00 call 111.")
    page.get_by_label("Check-in reminder").fill("19:30")
    page.get_by_label("Emergency number").fill("999")
    page.get_by_role("button", name="Save phone settings").click()
    expect(page.locator(".flash")).to_contain_text("next sync")
    team = db.session.scalar(select(CareTeam).where(CareTeam.name == "Night team"))
    assert (team.helpline, team.call_now_text, team.check_in_reminder, team.emergency_number) == (
        "+44 20 7946 0999",
        "Call the night nurse now.",
        "19:30",
        "999",
    )

    page.get_by_label("Email address").fill("night@example.org")
    page.get_by_role("button", name="Add address").click()
    page.get_by_label("Webhook URL").fill(webhook_receiver.url)
    page.get_by_label("Secret").fill(WEBHOOK_SECRET)
    page.get_by_role("button", name="Add webhook").click()
    page.get_by_label("Clinician's email").fill(world.clinician_b.email)
    page.get_by_role("button", name="Add escalation contact").click()
    page.get_by_label("Emergency after (minutes)").fill("10")
    page.get_by_role("button", name="Save times").click()
    expect(page.locator("#escalation")).to_contain_text(world.clinician_b.email)
    assert db.session.scalar(select(EmailChannel).where(EmailChannel.care_team_id == team.id))
    assert db.session.scalar(select(Webhook).where(Webhook.care_team_id == team.id))
    assert db.session.scalar(
        select(EscalationContact).where(EscalationContact.care_team_id == team.id)
    )

    page.get_by_role("button", name="Send test notification").click()
    flashes = page.locator(".flash")
    expect(flashes).to_have_count(2)
    expect(flashes.nth(0)).to_contain_text("accepted by night@example.org")
    expect(flashes.nth(1)).to_contain_text(f"accepted by {webhook_receiver.url}")
    [email] = mailbox.wait_for(1)
    assert email["To"] == "night@example.org"
    assert "Test notification for Night team" in email["Subject"]
    [hook] = webhook_receiver.received
    assert json.loads(hook["body"])["type"] == "notification.test"
    headers = {name.lower(): value for name, value in hook["headers"].items()}
    assert headers["webhook-signature"].startswith("v1,")


def test_an_admin_inspects_and_retries_a_dead_letter(page: Page, live_server, world: World, api):
    letter_id = a_dead_letter_of(api, world.a)
    admin_signs_in(page, live_server, world)

    page.get_by_role("link", name="Dead letters").click()
    expect(page.locator(f'tr[data-letter-id="{letter_id}"]')).to_contain_text("SMTP refused")
    page.locator(f'tr[data-letter-id="{letter_id}"]').get_by_role("link").click()
    expect(page.locator("dl.facts")).to_contain_text("team@example.org")
    expect(page.locator("main")).not_to_contain_text(world.patient_a.display_name)
    page.get_by_role("button", name="Retry delivery").click()

    expect(page.locator(".flash")).to_contain_text("Sending to team@example.org again")
    expect(page.locator(f'tr[data-letter-id="{letter_id}"]')).to_have_count(0)
    db.session.expire_all()
    assert db.session.scalars(select(DeadLetter)).all() == []
    delivery = db.session.scalar(select(Delivery).where(Delivery.recipient == "team@example.org"))
    assert (delivery.dead_at, delivery.attempts) == (None, 0)


def test_an_admin_filters_the_audit_log_and_exports_it(page: Page, live_server, world: World, api):
    patient_a = str(world.patient_a.id)
    assert api.get(f"/api/v1/patients/{patient_a}", "clinician_a").status_code == 200
    assert api.get(f"/api/v1/patients/{world.patient_b.id}", "clinician_b").status_code == 200
    admin_signs_in(page, live_server, world)

    page.get_by_role("link", name="Audit log").click()
    page.get_by_label("Patient id").fill(patient_a)
    page.get_by_label("User").select_option(label=world.clinician_a.email)
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("#audit-events tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(world.clinician_a.email)
    expect(rows.first).to_contain_text(patient_a)

    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    lines = download.value.path().read_text().splitlines()
    assert lines[0].startswith("at,user,role,action")
    assert len(lines) == 2 and patient_a in lines[1] and world.clinician_a.email in lines[1]


def test_a_clinician_cannot_open_the_admin_pages(page: Page, live_server, world: World):
    from tests.e2e.signing_in import sign_in

    sign_in(page, live_server.url, world.clinician_a.email)
    response = page.goto(f"{live_server.url}/admin/users")
    assert response.status == 403
    expect(page.get_by_role("navigation", name="Main")).not_to_contain_text("Users")

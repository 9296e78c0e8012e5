"""A clinician slowed down by wrong passwords reads on the login page when to try again and whom to
ask; their admin clears the failed sign-ins and the clinician gets in at once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from server.extensions import db
from tests.e2e.signing_in import sign_in, sign_in_admin
from tests.support.builders import PASSWORD, World
from tests.support.failed_sign_ins import wrong_passwords

pytestmark = pytest.mark.browser

# The seconds left depend on how soon the browser submits: 30, or a little less on a busy machine.
SLOWED = re.compile(
    r"^Too many wrong passwords for this account\. Wait (30|2[0-9]) seconds and try again, or ask "
    r"your clinic's Painline administrator to clear the failed sign-ins\.$"
)


def test_a_slowed_clinician_is_told_what_to_do_and_the_admin_clears_it(
    page: Page, live_server, world: World, browser
):
    email = world.clinician_a.email
    page.goto(f"{live_server.url}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    wrong_passwords(db.session, email, "127.0.0.1", 10)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text(SLOWED)
    expect(page).to_have_url(re.compile(r"/login$"))

    admin = browser.new_page()
    refused: list[str] = []  # as the `page` fixture does: the admin's pages obey the CSP too
    admin.on("console", lambda message: refused.append(message.text))
    sign_in_admin(admin, live_server.url, world.admin.email, world.admin.totp_secret)
    row = admin.locator(f'tr[data-user="{email}"]')
    expect(row.locator(".failed-sign-ins")).to_contain_text("10, last ")
    row.get_by_role("button", name=f"Clear failed sign-ins of {email}").click()
    expect(admin.locator(".flash")).to_have_text(
        f"Failed sign-ins of {email} cleared: their sign-ins are no longer slowed down."
    )
    expect(row.locator(".failed-sign-ins")).to_have_text("none")
    assert [text for text in refused if "Content Security Policy" in text] == []
    admin.close()

    sign_in(page, live_server.url, email)

"""Admins see each user's recent failed sign-ins on the Users page, and clear them."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from sqlalchemy import select

from server.models import AuditEvent
from server.models.base import utcnow
from server.services import failed_sign_ins
from tests.server.dashboard.conftest import Dashboard
from tests.server.dashboard.signing_in import log_in
from tests.support.builders import a_clinic, a_clinician, a_team
from tests.support.failed_sign_ins import LIMIT, counted_failures, wrong_passwords

STRANGER = "192.0.2.66"
HERE = "127.0.0.1"  # the test client's address


def row_of(page: str, email: str) -> str:
    found = re.search(rf'<tr data-user="{re.escape(email)}">(.*?)</tr>', page, re.S)
    assert found, f"the page has no row for {email}"
    return html.unescape(found.group(1))


def clear(admin: Dashboard, user_id: object) -> object:
    return admin.post(f"/admin/users/{user_id}/failed-sign-ins/clear")


def test_the_users_page_shows_how_many_sign_ins_failed_and_when_the_last_did(
    client, world, db_session
):
    last = utcnow() - timedelta(minutes=2)
    wrong_passwords(
        db_session, world.clinician_a.email, STRANGER, 7, at=last - timedelta(minutes=1)
    )
    wrong_passwords(db_session, world.clinician_a.email, HERE, 2, at=last)
    wrong_passwords(db_session, world.clinician_a.email, HERE, 3, at=utcnow() - LIMIT.window * 2)

    page = Dashboard(client, world, "admin").get("/admin/users").get_data(as_text=True)

    row = row_of(page, world.clinician_a.email)
    assert f"9, last {last.strftime('%d %b %Y %H:%M')} UTC" in row
    assert 'aria-label="Clear failed sign-ins of clinician.a@example.org"' in row
    assert ">none<" in row_of(page, world.clinician_b.email)
    assert "Clear failed sign-ins" not in row_of(page, world.clinician_b.email)


def test_clearing_lets_the_slowed_user_sign_in_at_once_and_is_audited(
    app, client, world, db_session
):
    email = world.clinician_a.email
    wrong_passwords(db_session, email, HERE, 10)
    wrong_passwords(db_session, email, STRANGER, 10)
    wrong_passwords(db_session, world.clinician_b.email, HERE, 10)
    admin = Dashboard(client, world, "admin")

    response = clear(admin, world.clinician_a.id)

    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"Failed sign-ins of {email} cleared: their sign-ins are no longer slowed down." in page
    assert (
        counted_failures(db_session)
        == [(LIMIT.scope, failed_sign_ins.key_of(world.clinician_b.email, HERE))] * 10
    )
    (audit,) = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == "admin.users.clear_failed_sign_ins")
    )
    assert (audit.user_id, audit.status) == (world.admin.id, 303)
    assert log_in(app.test_client(), email).status_code == 303


def test_clearing_forgets_only_that_account_whatever_its_email_holds(client, world, db_session):
    underscored = a_clinician(db_session, [world.team_a], "a_b@example.org")
    db_session.commit()
    for lookalike in ("axb@example.org", "a_b@example.org.uk", "a%b@example.org"):
        wrong_passwords(db_session, lookalike, HERE, 1)
    wrong_passwords(db_session, underscored.email, HERE, 1)

    clear(Dashboard(client, world, "admin"), underscored.id)

    assert counted_failures(db_session) == sorted(
        (LIMIT.scope, failed_sign_ins.key_of(email, HERE))
        for email in ("axb@example.org", "a_b@example.org.uk", "a%b@example.org")
    )


def test_an_admin_cannot_clear_a_user_of_another_clinic(client, world, db_session):
    elsewhere = a_clinic(db_session, "Another clinic")
    stranger = a_clinician(db_session, [a_team(db_session, elsewhere)], "far@example.org")
    db_session.commit()
    wrong_passwords(db_session, stranger.email, HERE, 10)
    before = counted_failures(db_session)

    response = clear(Dashboard(client, world, "admin"), stranger.id)

    assert response.status_code == 404
    assert "No such user in your clinic." in html.unescape(response.get_data(as_text=True))
    assert counted_failures(db_session) == before


def test_a_clinician_cannot_clear_failed_sign_ins(client, world, db_session):
    wrong_passwords(db_session, world.clinician_b.email, HERE, 10)
    before = counted_failures(db_session)

    response = clear(Dashboard(client, world, "clinician_a"), world.clinician_b.id)

    assert response.status_code == 403
    assert counted_failures(db_session) == before

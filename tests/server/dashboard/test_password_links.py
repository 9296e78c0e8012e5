"""Admins hand out one-time set-password links instead of typing passwords; users spend them."""

from __future__ import annotations

import html
import re
from typing import Any

from sqlalchemy import select

from server.models import AuditEvent, PasswordLink, User
from server.security.tokens import hash_token
from server.services.password_links import GONE_MESSAGE
from tests.server.dashboard.conftest import Dashboard
from tests.server.dashboard.signing_in import csrf_of, log_in
from tests.support.builders import PASSWORD

CHOSEN = "a password only I know"
EMAIL = "dr.new@example.org"
LINK = re.compile(r"(http://localhost/set-password/)(?:<wbr>)?([\w-]+)")
HAND_OVER = (
    f"Give this link to {EMAIL} yourself (not by email to a shared inbox). It works once, for "
    "72 hours; the user chooses their own password. Nobody else, you included, will know it."
)


def link_on(page: Any) -> str:
    found = LINK.search(page.get_data(as_text=True))
    assert found, "the page shows no set-password link"
    return found.group(1) + found.group(2)


def create_user(client: Any, world: Any, **form: str) -> Any:
    admin = Dashboard(client, world, "admin")
    fields = {"email": EMAIL, "role": "clinician", "team_ids": str(world.team_a.id), **form}
    return admin.post("/admin/users", fields)


def choose_password(browser: Any, link: str, password: str = CHOSEN, repeated: str = "") -> Any:
    form = csrf_of(browser.get(link))
    data = {"csrf_token": form, "password": password, "repeated": repeated or password}
    return browser.post(link, data=data)


def new_user(db_session: Any) -> User:
    db_session.expire_all()
    return db_session.scalars(select(User).where(User.email == EMAIL)).one()


def test_the_users_page_asks_an_admin_for_no_password(client, world):
    page = Dashboard(client, world, "admin").get("/admin/users").get_data(as_text=True)

    assert 'type="password"' not in page
    assert "one-time link" in page


def test_creating_a_user_shows_the_link_once_on_a_page_no_cache_keeps(client, world, db_session):
    response = create_user(client, world)

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert HAND_OVER in html.unescape(response.get_data(as_text=True))
    token = link_on(response).rsplit("/", 1)[1]
    (link,) = db_session.scalars(select(PasswordLink)).all()
    assert link.token_hash == hash_token(token)
    with client.session_transaction() as session:
        assert token not in repr(dict(session))
    (audit,) = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == "admin.users.create")
    )
    assert audit.status == 200 and token not in f"{audit.path} {audit.route}"


def test_a_new_admin_gets_the_link_and_the_authenticator_on_one_page(client, world):
    response = create_user(client, world, role="admin", team_ids="")

    page = response.get_data(as_text=True)
    assert link_on(response)
    assert "<svg" in page and "otpauth://totp/" in page


def test_the_user_sets_their_password_with_the_link_and_signs_in_with_it(app, client, world):
    link = link_on(create_user(client, world))
    browser = app.test_client()

    form = browser.get(link)
    assert form.status_code == 200 and form.headers["Cache-Control"] == "no-store"
    assert EMAIL in form.get_data(as_text=True)
    done = choose_password(browser, link)

    assert (done.status_code, done.headers["Location"]) == (303, "/login")
    assert "Your password is set. Sign in with it." in browser.get("/login").get_data(as_text=True)
    signed_in = log_in(browser, EMAIL, CHOSEN)
    assert (signed_in.status_code, signed_in.headers["Location"]) == (303, "/")


def test_a_spent_link_is_refused_in_plain_words_and_changes_nothing(app, client, world, db_session):
    link = link_on(create_user(client, world))
    browser = app.test_client()
    choose_password(browser, link)
    chosen_hash = new_user(db_session).password_hash

    opened = browser.get(link)
    posted = browser.post(
        link,
        data={
            "csrf_token": csrf_of(browser.get("/login")),
            "password": "a takeover password",
            "repeated": "a takeover password",
        },
    )

    for refused in (opened, posted):
        assert refused.status_code == 410
        assert GONE_MESSAGE in html.unescape(refused.get_data(as_text=True))
    assert new_user(db_session).password_hash == chosen_hash


def test_an_unknown_link_is_refused_in_the_same_words(client):
    response = client.get("/set-password/not-a-link-anyone-was-given")

    assert response.status_code == 410
    assert GONE_MESSAGE in html.unescape(response.get_data(as_text=True))


def test_a_short_or_mistyped_password_shows_the_form_again_and_changes_nothing(
    app, client, world, db_session
):
    link = link_on(create_user(client, world))
    browser = app.test_client()
    before = new_user(db_session).password_hash

    short = choose_password(browser, link, "too short")
    mistyped = choose_password(browser, link, CHOSEN, CHOSEN + "!")

    assert short.status_code == mistyped.status_code == 422
    assert "A password needs at least 12 characters." in short.get_data(as_text=True)
    assert "not the same" in mistyped.get_data(as_text=True)
    assert 'name="repeated"' in mistyped.get_data(as_text=True)
    assert new_user(db_session).password_hash == before
    assert choose_password(browser, link).status_code == 303


def test_an_admin_reset_ends_the_old_password_and_the_sessions_at_once(
    app, client, world, db_session
):
    clinician = world.clinician_a
    their_browser = app.test_client()
    Dashboard(their_browser, world, "clinician_a")
    admin = Dashboard(client, world, "admin")

    response = admin.post(f"/admin/users/{clinician.id}/password")

    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "old password no longer works" in html.unescape(response.get_data(as_text=True))
    link = link_on(response)
    assert their_browser.get("/").status_code == 302
    assert log_in(app.test_client(), clinician.email, PASSWORD).status_code == 401
    (audit,) = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == "admin.users.reset_password")
    )
    assert audit.status == 200 and link.rsplit("/", 1)[1] not in audit.path
    choose_password(app.test_client(), link)
    assert log_in(app.test_client(), clinician.email, CHOSEN).status_code == 303


def test_a_clinician_without_a_care_team_is_refused_in_words_for_the_page(
    client, world, db_session
):
    before = db_session.scalars(select(User.email)).all()

    response = create_user(client, world, team_ids="")

    assert response.status_code == 422
    assert "A clinician needs at least one care team: choose one" in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.scalars(select(User.email)).all() == before

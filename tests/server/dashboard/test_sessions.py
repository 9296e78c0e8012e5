"""Dashboard sessions: the API's login, HttpOnly SameSite cookies, 30 min idle, 12 h absolute."""

from __future__ import annotations

import html
from datetime import timedelta

import pyotp
import pytest

from server.models.base import utcnow
from server.security.dashboard_session import SEEN_KEY, SIGNED_IN_KEY
from tests.server.dashboard.signing_in import csrf_of, log_in, sign_in_with_token
from tests.support.failed_sign_ins import LIMIT, counted_failures, wrong_passwords


def test_signing_in_sets_an_httponly_samesite_session_cookie(client, world):
    response = log_in(client, world.clinician_a.email)

    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/").status_code == 200


def test_a_wrong_password_gets_the_generic_message_and_no_session(client, world):
    response = log_in(client, world.clinician_a.email, password="wrong")

    assert response.status_code == 401
    assert "email, password or code not recognised" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_failures_count_towards_the_same_slowing_as_the_api(client, world, db_session):
    answers = [log_in(client, world.clinician_a.email, "wrong").status_code for _ in range(12)]

    assert answers[:5] == [401] * 5
    assert 429 in answers[5:]
    # Attempts held back by the delay are not counted: only the wrong passwords checked are.
    slowing = [key for scope, key in counted_failures(db_session) if scope == LIMIT.scope]
    assert len(slowing) == answers.count(401)


def test_a_slowed_sign_in_says_on_the_page_when_to_try_again_and_whom_to_ask(
    client, world, db_session
):
    wrong_passwords(db_session, world.clinician_a.email, "127.0.0.1", 10)
    before = counted_failures(db_session)

    response = log_in(client, world.clinician_a.email)

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"
    assert (
        '<p class="error" role="alert">Too many wrong passwords for this account. Wait 30 seconds '
        "and try again, or ask your clinic's Painline administrator to clear the failed "
        "sign-ins.</p>"
    ) in html.unescape(response.get_data(as_text=True))
    assert client.get("/").status_code == 302
    assert counted_failures(db_session) == before


def test_an_overlong_email_is_a_wrong_password_not_a_server_error(client, world, db_session):
    response = log_in(client, "x" * 5000 + "@example.org", "wrong")

    assert response.status_code == 401
    assert "email, password or code not recognised" in response.get_data(as_text=True)
    assert len(counted_failures(db_session)) == 2


def test_a_clinician_with_an_authenticator_needs_its_code(client, db_session, world):
    from tests.support.builders import a_clinician

    user = a_clinician(db_session, [world.team_a], email="totp@example.org", totp=True)
    db_session.commit()

    assert log_in(client, user.email).status_code == 401
    code = pyotp.TOTP(user.totp_secret).now()
    assert log_in(client, user.email, otp=code).status_code == 303


def test_pages_send_a_signed_out_browser_to_the_login_page_and_back(client, world):
    response = client.get(f"/patients/{world.patient_a.id}?days=90")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    page = client.get(response.headers["Location"])
    assert f"/patients/{world.patient_a.id}" in page.get_data(as_text=True)


def test_the_login_page_never_sends_the_browser_to_another_site(client, world):
    token = csrf_of(client.get("/login"))
    form = {"csrf_token": token, "email": world.clinician_a.email, "password": "x"}
    from tests.support.builders import PASSWORD

    form["password"] = PASSWORD
    response = client.post("/login?next=//evil.example/", data=form)

    assert response.headers["Location"] == "/"


def test_thirty_minutes_without_a_page_request_end_the_session(client, world):
    sign_in_with_token(client, world.tokens["clinician_a"])
    with client.session_transaction() as session:
        session[SEEN_KEY] = (utcnow() - timedelta(minutes=31)).timestamp()

    assert client.get("/").status_code == 302


def test_a_page_request_restarts_the_idle_clock(client, world):
    sign_in_with_token(client, world.tokens["clinician_a"])
    with client.session_transaction() as session:
        session[SEEN_KEY] = (utcnow() - timedelta(minutes=29)).timestamp()

    assert client.get("/").status_code == 200
    with client.session_transaction() as session:
        assert utcnow().timestamp() - session[SEEN_KEY] < 60


def test_the_worklists_own_refresh_does_not_keep_an_idle_session_alive(client, world):
    sign_in_with_token(client, world.tokens["clinician_a"])
    with client.session_transaction() as session:
        session[SEEN_KEY] = seen = (utcnow() - timedelta(minutes=20)).timestamp()

    assert client.get("/worklist/rows").status_code == 200
    with client.session_transaction() as session:
        assert session[SEEN_KEY] == seen


def test_twelve_hours_after_sign_in_the_session_ends_however_active(client, world):
    sign_in_with_token(client, world.tokens["clinician_a"])
    with client.session_transaction() as session:
        session[SIGNED_IN_KEY] = (utcnow() - timedelta(hours=12, minutes=1)).timestamp()

    assert client.get("/").status_code == 302


def test_signing_out_revokes_the_session_even_for_a_copied_cookie(client, world):
    log_in(client, world.clinician_a.email)
    copied = client.get_cookie("painline_session").value
    token = csrf_of(client.get("/"))

    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    client.set_cookie("painline_session", copied)
    assert client.get("/").status_code == 302


def test_the_event_stream_accepts_the_session_cookie(client, world):
    assert client.get("/api/v1/events?timeout=0").status_code == 401
    sign_in_with_token(client, world.tokens["clinician_a"])

    response = client.get("/api/v1/events?timeout=0")

    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"


def test_the_rest_of_the_api_ignores_the_session_cookie(client, world):
    sign_in_with_token(client, world.tokens["clinician_a"])

    assert client.get("/api/v1/patients").status_code == 401


@pytest.mark.parametrize(
    "target",
    [
        "/%09/other-host/page",
        "/\t/other-host/page",
        "/%5Cother-host",
        "/\\other-host",
        "/%2F/other-host",
        "//other-host/",
        "https://other-host/",
        "javascript:alert(1)",
        " //other-host",
        "/%0d%0aSet-Cookie:%20x=1",
        "/page\nSet-Cookie: x=1",
    ],
)
def test_sign_in_never_leaves_the_site_whatever_next_holds(client, world, target):
    from urllib.parse import quote

    from tests.support.builders import PASSWORD

    token = csrf_of(client.get("/login"))
    form = {"csrf_token": token, "email": world.clinician_a.email, "password": PASSWORD}

    response = client.post(f"/login?next={quote(target, safe='')}", data=form)

    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_sign_in_returns_to_the_page_of_this_site_it_was_asked_for(client, world):
    from tests.support.builders import PASSWORD

    token = csrf_of(client.get("/login"))
    form = {"csrf_token": token, "email": world.clinician_a.email, "password": PASSWORD}
    target = f"/patients/{world.patient_a.id}?days=90"

    response = client.post("/login", data={**form, "next": target})

    assert response.headers["Location"] == target

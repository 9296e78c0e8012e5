"""Signing a test client into the dashboard: through the login form, or straight into the session
with a token the world already holds (fast: no argon2 per test)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from server.models.base import utcnow
from server.security.dashboard_session import CSRF_KEY, SEEN_KEY, SIGNED_IN_KEY, TOKEN_KEY
from server.security.tokens import hash_token
from tests.support.builders import PASSWORD

CSRF = "a-test-csrf-token-of-this-session"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def sign_in_with_token(client: Any, token: str, at: datetime | None = None) -> str:
    """A session for the token holder, as the login form leaves it; returns its CSRF token."""
    moment = (at or utcnow()).timestamp()
    with client.session_transaction() as session:
        session[TOKEN_KEY] = hash_token(token)
        session[SIGNED_IN_KEY] = moment
        session[SEEN_KEY] = moment
        session[CSRF_KEY] = CSRF
    return CSRF


def csrf_of(page: Any) -> str:
    found = CSRF_FIELD.search(page.get_data(as_text=True))
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def log_in(client: Any, email: str, password: str = PASSWORD, otp: str = "") -> Any:
    token = csrf_of(client.get("/login"))
    form = {"csrf_token": token, "email": email, "password": password, "otp": otp}
    return client.post("/login", data=form)

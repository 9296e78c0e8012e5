"""CSRF protection: one random token per session, in a hidden field of every form.

SameSite=Lax already keeps other sites' form posts from carrying the cookie in current
browsers; the token covers older ones and same-site pages that are not ours.
"""

from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session

from server.security.dashboard_session import CSRF_KEY

FIELD = "csrf_token"
REFUSED = "This form has expired or did not come from Painline. Reload the page and try again."


def csrf_token() -> str:
    token = session.get(CSRF_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[CSRF_KEY] = token
    return token


def check_csrf() -> None:
    """Refuse (400) a form post whose token is missing or is not this session's."""
    expected = session.get(CSRF_KEY)
    sent = request.form.get(FIELD, "")
    if not isinstance(expected, str) or not hmac.compare_digest(expected, sent):
        abort(400, description=REFUSED)

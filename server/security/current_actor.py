"""Who is calling this request: a clinician, an admin, a patient's device, or nobody.

Every route starts by asking for the caller it serves:

    clinician = require_clinician()       # 401 without a valid token, 403 for admins and devices
    device = require_device()             # 401 without a valid token, 403 for staff
    admin = require_admin()
    staff = require_staff()               # a clinician or an admin

`current_actor()` answers without refusing anybody. The answer is worked out once per request
from the `Authorization: Bearer <token>` header; with `session_cookie=True` (the dashboard's
pages and the live stream only) a request without one may sign in with the dashboard's session.
"""

from __future__ import annotations

from flask import request

from server.extensions import db
from server.models.base import utcnow
from server.security.actors import Actor, Admin, Clinician, PatientDevice
from server.security.dashboard_session import session_actor
from server.security.token_lookup import resolve_token
from server.services.errors import NotAllowed, NotAuthenticated

NO_TOKEN_MESSAGE = "Sign in first: send a valid token as 'Authorization: Bearer <token>'."
# Kept in the request's environ rather than `g`: `g` lives as long as the app context, which
# can outlast one request (in tests, several requests share it).
_ENVIRON_KEY = "painline.actor"
_UNRESOLVED = object()


def current_actor(*, session_cookie: bool = False) -> Actor | None:
    actor = request.environ.get(_ENVIRON_KEY, _UNRESOLVED)
    if actor is _UNRESOLVED or (actor is None and session_cookie):
        token = bearer_token()
        if token:
            actor = resolve_token(db.session, token, utcnow())
        else:
            # The rest of the API never reads the cookie, so another site cannot drive it
            # with a signed-in browser.
            actor = session_actor(db.session, utcnow()) if session_cookie else None
        request.environ[_ENVIRON_KEY] = actor
    return actor  # type: ignore[return-value]


def bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def require_actor(*, session_cookie: bool = False) -> Actor:
    actor = current_actor(session_cookie=session_cookie)
    if actor is None:
        raise NotAuthenticated(NO_TOKEN_MESSAGE)
    return actor


def require_clinician(*, session_cookie: bool = False) -> Clinician:
    actor = require_actor(session_cookie=session_cookie)
    if not isinstance(actor, Clinician):
        raise NotAllowed("Only clinicians can do this.")
    return actor


def require_staff() -> Clinician | Admin:
    """A clinician or an admin, for what staff do with their own account."""
    actor = require_actor()
    if isinstance(actor, PatientDevice):
        raise NotAllowed("Only clinicians and administrators can do this.")
    return actor


def require_admin() -> Admin:
    actor = require_actor()
    if not isinstance(actor, Admin):
        raise NotAllowed("Only an administrator can do this.")
    return actor


def require_device() -> PatientDevice:
    actor = require_actor()
    if not isinstance(actor, PatientDevice):
        raise NotAllowed("Only a patient's enrolled phone can do this.")
    return actor

"""The dashboard's signed-cookie session: who signed in, when, and when they were last active.

The cookie holds the hash of a clinician token issued by the same login as the API's, so the
token's own checks (12 hours, logout, password reset, deactivation) end the session too. On top
of those, the session ends after 30 minutes without a page request and 12 hours after sign-in,
whatever the token says.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask import session
from sqlalchemy.orm import Session

from server.security.actors import Admin, Clinician
from server.security.token_lookup import staff_actor

IDLE_LIMIT = timedelta(minutes=30)
ABSOLUTE_LIMIT = timedelta(hours=12)
TOKEN_KEY = "token_hash"
SIGNED_IN_KEY = "signed_in_at"
SEEN_KEY = "seen_at"
CSRF_KEY = "csrf_token"


def start_session(token_hash: str, now: datetime) -> None:
    # A fresh session on sign-in: nothing set before it (a planted cookie) carries over.
    session.clear()
    session[TOKEN_KEY] = token_hash
    session[SIGNED_IN_KEY] = now.timestamp()
    session[SEEN_KEY] = now.timestamp()
    session[CSRF_KEY] = secrets.token_urlsafe(32)


def end_session() -> None:
    session.clear()


def session_expired(now: datetime) -> bool:
    signed_in, seen = session.get(SIGNED_IN_KEY), session.get(SEEN_KEY)
    if not isinstance(signed_in, int | float) or not isinstance(seen, int | float):
        return True
    moment = now.timestamp()
    return (
        moment - seen > IDLE_LIMIT.total_seconds()
        or moment - signed_in > ABSOLUTE_LIMIT.total_seconds()
    )


def session_actor(db_session: Session, now: datetime) -> Clinician | Admin | None:
    """The staff member this session belongs to, or None (and the session cleared) when over."""
    token_hash = session.get(TOKEN_KEY)
    if not isinstance(token_hash, str):
        return None
    actor = None if session_expired(now) else staff_actor(db_session, token_hash, now)
    if actor is None:
        end_session()
    return actor


def mark_active(now: datetime) -> None:
    """A page request by the person: it restarts the idle clock (the live stream does not)."""
    if TOKEN_KEY in session:
        session[SEEN_KEY] = now.timestamp()


def signed_in_token_hash() -> str | None:
    token_hash = session.get(TOKEN_KEY)
    return token_hash if isinstance(token_hash, str) else None

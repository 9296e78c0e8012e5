"""Who holds a live stream, asked again while it runs: streams last minutes, access can end sooner.

A stream opened with a bearer token stands while that token does; one opened with the dashboard's
session also ends when the session's own limits pass (the stream does not restart the idle clock,
so the cookie it was opened with says when). Each answer comes from the database, so a
deactivation, a password reset, a revoked or expired token and a removed team membership all show.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from flask import session
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from server.security.actors import Clinician
from server.security.current_actor import NO_TOKEN_MESSAGE, bearer_token
from server.security.dashboard_session import (
    ABSOLUTE_LIMIT,
    IDLE_LIMIT,
    SEEN_KEY,
    SIGNED_IN_KEY,
    signed_in_token_hash,
)
from server.security.token_lookup import staff_actor
from server.security.tokens import hash_token
from server.services.errors import NotAuthenticated


@dataclass(frozen=True)
class StreamHolder:
    user_id: uuid.UUID
    token_hash: str
    # The moment the dashboard session ends by its own limits (None: opened with a bearer token).
    session_ends_at: float | None

    def teams_now(self, engine: Engine, now: datetime) -> frozenset[uuid.UUID] | None:
        """The holder's care teams now, or None when the holder may no longer hold the stream."""
        if self.session_ends_at is not None and now.timestamp() > self.session_ends_at:
            return None
        with Session(engine) as db_session:
            actor = staff_actor(db_session, self.token_hash, now)
        if not isinstance(actor, Clinician) or actor.user_id != self.user_id:
            return None
        return actor.team_ids


def holder_of_request(clinician: Clinician) -> StreamHolder:
    """The holder of this request's stream, read as `current_actor` read its credentials."""
    token = bearer_token()
    if token:
        return StreamHolder(clinician.user_id, hash_token(token), None)
    token_hash = signed_in_token_hash()
    signed_in, seen = session.get(SIGNED_IN_KEY), session.get(SEEN_KEY)
    if (
        token_hash is None
        or not isinstance(signed_in, int | float)
        or not isinstance(seen, int | float)
    ):
        # current_actor found a clinician in this session a moment ago, so this does not happen.
        raise NotAuthenticated(NO_TOKEN_MESSAGE)
    ends_at = min(seen + IDLE_LIMIT.total_seconds(), signed_in + ABSOLUTE_LIMIT.total_seconds())
    return StreamHolder(clinician.user_id, token_hash, ends_at)

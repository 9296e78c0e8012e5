"""Wrong passwords already counted against an account at an address, without running argon2."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import FailedAttempt
from server.models.base import utcnow
from server.security.rate_limits import LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS
from server.services.failed_sign_ins import key_of

LIMIT = LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS


def wrong_passwords(
    session: Session, email: str, address: str, count: int, at: datetime | None = None
) -> None:
    """`count` failures at `at` (now by default), committed as a failed login commits them."""
    for _ in range(count):
        session.add(
            FailedAttempt(
                scope=LIMIT.scope, key=key_of(email, address), attempted_at=at or utcnow()
            )
        )
    session.commit()


def counted_failures(session: Session) -> list[tuple[str, str]]:
    """Every counted failure, as (scope, key), in a stable order: to show nothing else changed."""
    session.expire_all()
    rows = session.execute(select(FailedAttempt.scope, FailedAttempt.key)).all()
    return sorted((scope, key) for scope, key in rows)

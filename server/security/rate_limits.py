"""Limits on failed logins and enrollments, counted in the database so all app processes share them.

Only failures count, and a request refused by a limit is not itself counted, so a limit lifts once
its window has passed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server.models import FailedAttempt
from server.services.errors import TooManyAttempts


@dataclass(frozen=True)
class Limit:
    scope: str
    max_failures: int
    window: timedelta


LOGIN_FAILURES_PER_ACCOUNT = Limit("login:account", 5, timedelta(minutes=15))
# An address may be a whole hospital behind one NAT, so it gets more room than an account.
LOGIN_FAILURES_PER_ADDRESS = Limit("login:address", 20, timedelta(minutes=15))
ENROLL_FAILURES_PER_ADDRESS = Limit("enroll:address", 10, timedelta(minutes=15))

TOO_MANY_MESSAGE = "Too many failed attempts. Wait a few minutes and try again."


def check(session: Session, limit: Limit, key: str, now: datetime) -> None:
    """Raise TooManyAttempts when `key` has used up its failures in the current window."""
    since = now - limit.window
    count, oldest = session.execute(
        select(func.count(), func.min(FailedAttempt.attempted_at)).where(
            FailedAttempt.scope == limit.scope,
            FailedAttempt.key == key,
            FailedAttempt.attempted_at > since,
        )
    ).one()
    if count >= limit.max_failures:
        lifts_at = oldest + limit.window
        retry_after = max(1, math.ceil((lifts_at - now).total_seconds()))
        raise TooManyAttempts(TOO_MANY_MESSAGE, retry_after=retry_after)


def record_failure(session: Session, limit: Limit, key: str, now: datetime) -> None:
    """Count one failure (the caller commits); failures older than the window are dropped."""
    session.execute(
        delete(FailedAttempt).where(
            FailedAttempt.scope == limit.scope,
            FailedAttempt.key == key,
            FailedAttempt.attempted_at <= now - limit.window,
        )
    )
    session.add(FailedAttempt(scope=limit.scope, key=key, attempted_at=now))


def forget_failures(session: Session, limit: Limit, key: str) -> None:
    session.execute(
        delete(FailedAttempt).where(FailedAttempt.scope == limit.scope, FailedAttempt.key == key)
    )

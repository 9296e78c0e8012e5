"""Limits on failed logins and enrollments, counted in the database so all app processes share them.

Only failures count, and a request held back by a limit is not itself counted, so a limit lifts once
its window (or, for a slowing limit, its delay) has passed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server.models import FailedAttempt
from server.services.errors import TooManyAttempts

TOO_MANY_MESSAGE = "Too many failed attempts. Wait a few minutes and try again."


@dataclass(frozen=True)
class Limit:
    """`max_failures` failures in `window`, then refused until the oldest leaves the window; or,
    with `max_delay`, only slowed: each attempt must wait after the last failure, 1 s doubling per
    further failure up to `max_delay`. `refusal` is the sentence shown, "{wait}" the time left."""

    scope: str
    max_failures: int
    window: timedelta
    max_delay: timedelta | None = None
    refusal: str = TOO_MANY_MESSAGE


# Slowed, never refused, and per address: a delay on the account alone would let a stranger who
# fails once each time it ends keep a clinician out for good.
LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS = Limit(
    "login:account-address",
    5,
    timedelta(minutes=15),
    max_delay=timedelta(seconds=30),
    refusal=(
        "Too many wrong passwords for this account. Wait {wait} and try again, or ask your "
        "clinic's Painline administrator to clear the failed sign-ins."
    ),
)
# An address may be a whole hospital behind one NAT, so it gets more room than an account.
LOGIN_FAILURES_PER_ADDRESS = Limit(
    "login:address",
    20,
    timedelta(minutes=15),
    refusal=(
        "Too many failed sign-ins from this network. Wait {wait} and try again; if it keeps "
        "happening, tell your clinic's Painline administrator."
    ),
)
ENROLL_FAILURES_PER_ADDRESS = Limit("enroll:address", 10, timedelta(minutes=15))


def check(session: Session, limit: Limit, key: str, now: datetime) -> None:
    """Raise TooManyAttempts while `key` is refused or slowed down by `limit`."""
    count, oldest, latest = session.execute(
        select(
            func.count(), func.min(FailedAttempt.attempted_at), func.max(FailedAttempt.attempted_at)
        ).where(
            FailedAttempt.scope == limit.scope,
            FailedAttempt.key == key,
            FailedAttempt.attempted_at > now - limit.window,
        )
    ).one()
    if count < limit.max_failures:
        return
    if limit.max_delay is None:
        lifts_at = oldest + limit.window
    else:
        lifts_at = latest + delay(limit.max_delay, count - limit.max_failures)
    if lifts_at > now:
        retry_after = max(1, math.ceil((lifts_at - now).total_seconds()))
        message = limit.refusal.format(wait=in_words(retry_after))
        raise TooManyAttempts(message, retry_after=retry_after)


def delay(max_delay: timedelta, doublings: int) -> timedelta:
    # The exponent is capped so a long run of failures cannot overflow the timedelta.
    return min(timedelta(seconds=2 ** min(doublings, 30)), max_delay)


def in_words(seconds: int) -> str:
    """How long to wait, as the refusal says it: "1 second", "30 seconds", "15 minutes"."""
    if seconds < 60:
        return f"{seconds} second" + ("" if seconds == 1 else "s")
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute" + ("" if minutes == 1 else "s")


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

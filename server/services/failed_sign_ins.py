"""An account's failed sign-ins: the key they are counted under, and what admins see and clear.

Wrong passwords count per account and address (`LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS`) under the
key "<email> <address>". Addresses hold no space, so the email is all before the last one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server.models import FailedAttempt
from server.security.rate_limits import LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS

LIMIT = LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS
ADDRESS_ROOM = 45  # the longest IPv6 address
# What is left of the 320-character key column for the email, after a space and the address.
EMAIL_ROOM = 320 - 1 - ADDRESS_ROOM


@dataclass(frozen=True)
class FailedSignIns:
    count: int
    last_at: datetime


def key_of(email: str, address: str) -> str:
    return f"{account_of(email)} {address[:ADDRESS_ROOM]}"


def account_of(email: str) -> str:
    return email.strip().lower()[:EMAIL_ROOM]


def recent(session: Session, emails: Iterable[str], now: datetime) -> dict[str, FailedSignIns]:
    """Failures still inside the limit's window, from every address, for each of `emails` that
    has any."""
    wanted = {account_of(email): email for email in emails}
    rows = session.execute(
        select(FailedAttempt.key, FailedAttempt.attempted_at).where(
            FailedAttempt.scope == LIMIT.scope, FailedAttempt.attempted_at > now - LIMIT.window
        )
    )
    times: dict[str, list[datetime]] = defaultdict(list)
    for key, attempted_at in rows:
        email = wanted.get(key.rsplit(" ", 1)[0])
        if email is not None:
            times[email].append(attempted_at)
    return {email: FailedSignIns(len(at), max(at)) for email, at in times.items()}


def clear(session: Session, email: str) -> None:
    """Forget the account's failures from every address (the caller commits)."""
    session.execute(
        delete(FailedAttempt).where(
            FailedAttempt.scope == LIMIT.scope,
            FailedAttempt.key.startswith(f"{account_of(email)} ", autoescape=True),
        )
    )

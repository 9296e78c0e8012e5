"""One-time set-password links: how a user chooses a password nobody else knows.

An admin issues a link for a new account or after a reset and hands it over; the user opens it
and picks their own password. The admin never learns it, so cannot sign in as a clinician and
read patient data. A link works once, for 72 hours, and a newer link ends any earlier one.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from server.models import PasswordLink, User
from server.security import rate_limits
from server.security.passwords import hash_password
from server.security.rate_limits import Limit
from server.security.tokens import hash_token, new_token
from server.services.accounts import check_password
from server.services.authentication import revoke_user_tokens
from server.services.errors import DomainError, InvalidInput

LINK_LIFETIME = timedelta(hours=72)
# Guessing a 256-bit token is hopeless; the limit, per address like the login's, only stops
# someone trying links in bulk.
SET_PASSWORD_FAILURES_PER_ADDRESS = Limit("set_password:address", 20, timedelta(minutes=15))

GONE_MESSAGE = (
    "This link has already been used or has expired. Ask your clinic's administrator for a new one."
)
MISMATCH_MESSAGE = "The two passwords are not the same. Type the same password twice."


class LinkGone(DomainError):
    """Unknown, used, replaced or expired: the person is told the same in every case."""

    status = 410


def add_link(session: Session, user: User, issued_by: uuid.UUID, now: datetime) -> str:
    """A new link for `user`, ending their earlier unused ones; returns the token (the caller
    commits, then shows it once: only its hash is stored)."""
    session.execute(
        update(PasswordLink)
        .where(PasswordLink.user_id == user.id, *unspent(now))
        .values(expires_at=now)
    )
    token = new_token()
    session.add(
        PasswordLink(
            user_id=user.id,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + LINK_LIFETIME,
            created_by=issued_by,
        )
    )
    return token


def unspent(now: datetime) -> tuple[ColumnElement[bool], ...]:
    """A link that still works: not used, not expired."""
    return (PasswordLink.used_at.is_(None), PasswordLink.expires_at > now)


def link_holder(session: Session, token: str, address: str, now: datetime) -> User:
    """The user a working link is for; LinkGone (counted against the address) otherwise."""
    return usable_link(session, token, address, now).user


def set_password(
    session: Session, token: str, password: str, repeated: str, address: str, now: datetime
) -> User:
    """Spend the link on the user's own password; their open sessions end.

    A refused password (too short, not typed the same twice) leaves the link usable.
    """
    link = usable_link(session, token, address, now)
    check_password(password)
    if password != repeated:
        raise InvalidInput(MISMATCH_MESSAGE)
    # Spent with a conditional update, so two submissions at once cannot both succeed.
    spent = session.execute(
        update(PasswordLink).where(PasswordLink.id == link.id, *unspent(now)).values(used_at=now)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise LinkGone(GONE_MESSAGE)
    user = link.user
    user.password_hash = hash_password(password)
    revoke_user_tokens(session, user, now)
    session.commit()
    return user


def usable_link(session: Session, token: str, address: str, now: datetime) -> PasswordLink:
    rate_limits.check(session, SET_PASSWORD_FAILURES_PER_ADDRESS, address, now)
    link = session.scalar(
        select(PasswordLink)
        .join(User, User.id == PasswordLink.user_id)
        .where(
            PasswordLink.token_hash == hash_token(token),
            *unspent(now),
            User.active.is_(True),
        )
    )
    if link is None:
        rate_limits.record_failure(session, SET_PASSWORD_FAILURES_PER_ADDRESS, address, now)
        session.commit()
        raise LinkGone(GONE_MESSAGE)
    return link

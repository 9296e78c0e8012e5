"""Signing clinicians and admins in and out.

Every failure reads the same ("email, password or code not recognised"), whatever was wrong,
and counts against the address it came from and against the account at that address: an address
that keeps failing is refused, an account is only ever slowed down (`server.security.rate_limits`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from server.models import ApiToken, Role, User
from server.security import rate_limits
from server.security.actors import Admin, Clinician
from server.security.passwords import verify_password
from server.security.rate_limits import (
    LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS,
    LOGIN_FAILURES_PER_ADDRESS,
)
from server.security.tokens import CLINICIAN_TOKEN_LIFETIME, hash_token, new_token
from server.security.totp import matching_step
from server.services import failed_sign_ins
from server.services.errors import NotAuthenticated

LOGIN_FAILED_MESSAGE = "email, password or code not recognised"


@dataclass(frozen=True)
class Login:
    token: str
    expires_at: datetime
    user: User


def log_in(
    session: Session, email: str, password: str, otp: str | None, address: str, now: datetime
) -> Login:
    account = email.strip().lower()
    here = failed_sign_ins.key_of(account, address)
    rate_limits.check(session, LOGIN_FAILURES_PER_ADDRESS, address, now)
    rate_limits.check(session, LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS, here, now)
    user = session.scalar(select(User).where(func.lower(User.email) == account))
    if not credentials_hold(user, password, otp, now):
        rate_limits.record_failure(session, LOGIN_FAILURES_PER_ADDRESS, address, now)
        rate_limits.record_failure(session, LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS, here, now)
        session.commit()
        raise NotAuthenticated(LOGIN_FAILED_MESSAGE)
    # Only this address's failures: a stranger's, elsewhere, stay for an admin to see.
    rate_limits.forget_failures(session, LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS, here)
    token = new_token()
    expires_at = now + CLINICIAN_TOKEN_LIFETIME
    session.add(ApiToken(user=user, token_hash=hash_token(token), expires_at=expires_at))
    session.commit()
    return Login(token=token, expires_at=expires_at, user=user)


def credentials_hold(user: User | None, password: str, otp: str | None, now: datetime) -> bool:
    """Password first (even for no account, so timing says nothing), then the second factor."""
    password_holds = verify_password(user.password_hash if user else None, password)
    if user is None or not password_holds or not user.active:
        return False
    if user.totp_secret is None:
        # An admin without an authenticator is a set-up error; refuse rather than skip the factor.
        return user.role != Role.ADMIN
    step = matching_step(user.totp_secret, otp or "", now)
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    user.totp_last_step = step
    return True


def log_out(session: Session, actor: Clinician | Admin, now: datetime) -> None:
    session.execute(
        update(ApiToken)
        .where(ApiToken.id == actor.token_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    session.commit()


def revoke_user_tokens(session: Session, user: User, now: datetime) -> None:
    """End every session of `user` (the caller commits): after a reset or a deactivation."""
    session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )

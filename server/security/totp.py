"""TOTP second factor (RFC 6238, 30-second steps), with each code accepted only once."""

from __future__ import annotations

import hmac
from datetime import datetime

import pyotp

ISSUER = "Painline"
STEP_SECONDS = 30
# One step either side forgives a phone clock a little off.
TOLERATED_STEPS = 1


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// URI an authenticator app reads (usually from a QR code)."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def matching_step(secret: str, otp: str, now: datetime) -> int | None:
    """The time step whose code is `otp`, or None. The caller refuses steps already used."""
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // STEP_SECONDS
    for step in range(current - TOLERATED_STEPS, current + TOLERATED_STEPS + 1):
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), otp.strip()):
            return step
    return None

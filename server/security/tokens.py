"""Bearer tokens: random, shown to their holder once, stored only as a SHA-256 hash.

A token carries 256 random bits, so a plain (unsalted, fast) hash is enough: nobody can guess
their way back from the hash, and lookups stay one indexed equality.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

CLINICIAN_TOKEN_LIFETIME = timedelta(hours=12)
# Device tokens never expire by age; one nobody has used for this long is revoked at its next use.
DEVICE_TOKEN_IDLE_LIMIT = timedelta(days=180)
# Recording every use would write on every sync; once an hour is precise enough for 180 days.
DEVICE_LAST_USED_PRECISION = timedelta(hours=1)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

"""Enrollment codes: short enough to type from a card, in an alphabet with no look-alikes.

Eight characters from 32 symbols are 40 bits. With a 72-hour life, one use and enrollment
attempts rate-limited per address, guessing one is out of reach.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

# Digits and capitals without 0, O, 1 and I, which people misread.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8
CODE_LIFETIME = timedelta(hours=72)


def new_code() -> str:
    """A code shaped like "K7M2-Q9TX"."""
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{symbols[:4]}-{symbols[4:]}"


def normalise_code(typed: str) -> str:
    """What the patient typed, without the dash, spaces or lower case they may have added."""
    return "".join(typed.split()).replace("-", "").upper()


def hash_code(typed: str) -> str:
    return hashlib.sha256(normalise_code(typed).encode()).hexdigest()

"""Whole numbers read from text a caller sent (a cursor, a `Last-Event-ID` header).

`str.isdigit` and `int` accept far more than ASCII digits ("²" passes the one and fails the
other) and `int` refuses beyond 4,300 digits, so each would be a 500; a bounded ASCII pattern
is checked first.
"""

from __future__ import annotations

import re

ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def read_whole_number(text: str, largest: int) -> int | None:
    """The number `text` spells in ASCII digits, or None if it spells none up to `largest`."""
    if not ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= largest else None

"""The opaque sync cursor: a position in one patient's change sequence."""

from __future__ import annotations

from server.services.errors import InvalidInput
from server.services.whole_numbers import read_whole_number

PREFIX = "c1."
# The change sequence is a BIGINT.
LARGEST_CHANGE = 2**63 - 1
BAD_CURSOR = "cursor is not one this server gave out; send null to start from the beginning"


def encode_cursor(change_seq: int) -> str:
    return f"{PREFIX}{change_seq}"


def decode_cursor(cursor: str | None) -> int:
    if cursor is None:
        return 0
    number = read_whole_number(cursor.removeprefix(PREFIX), LARGEST_CHANGE)
    if not cursor.startswith(PREFIX) or number is None:
        raise InvalidInput(BAD_CURSOR, {"cursor": [BAD_CURSOR]})
    return number

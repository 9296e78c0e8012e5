"""The opaque sync cursor: a position in one patient's change sequence."""

from __future__ import annotations

from server.services.errors import InvalidInput

PREFIX = "c1."
BAD_CURSOR = "cursor is not one this server gave out; send null to start from the beginning"


def encode_cursor(change_seq: int) -> str:
    return f"{PREFIX}{change_seq}"


def decode_cursor(cursor: str | None) -> int:
    if cursor is None:
        return 0
    number = cursor.removeprefix(PREFIX)
    if not cursor.startswith(PREFIX) or not number.isdigit():
        raise InvalidInput(BAD_CURSOR, {"cursor": [BAD_CURSOR]})
    return int(number)

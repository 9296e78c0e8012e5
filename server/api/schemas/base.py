"""The base of every API schema: unknown fields are an error, never silently dropped."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marshmallow import RAISE, Schema, ValidationError


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


def existing_time_zone(name: str) -> None:
    """The server holds the zone database, so it checks the zone exists, not just its shape."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"{name!r} is not a known IANA time zone (such as Europe/London)."
        ) from None

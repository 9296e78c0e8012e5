"""The base of every API schema: unknown fields are an error, never silently dropped."""

from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError

from server.services.time_zones import is_known_time_zone


class StrictSchema(Schema):
    class Meta:
        unknown = RAISE


def existing_time_zone(name: str) -> None:
    """The server holds the zone database, so it checks the zone exists, not just its shape."""
    if not is_known_time_zone(name):
        raise ValidationError(f"{name!r} is not a known IANA time zone (such as Europe/London).")

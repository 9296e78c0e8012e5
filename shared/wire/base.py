"""The base of every wire schema: strict about unknown fields, tidy when dumping.

A schema takes the caller's clock as a constructor argument (`now=`), because marshmallow 4
has no schema context and shared/ never reads the clock itself.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

from marshmallow import RAISE, Schema, ValidationError, post_dump

from shared.wire.future import ClockCheck, check_future


class WireSchema(Schema):
    """Rejects unknown fields by name and omits empty optional fields when dumping."""

    class Meta:
        unknown = RAISE

    # Optional fields left out of the dumped JSON when they hold None.
    omit_when_none: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *, now: datetime | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if now is not None and now.utcoffset() is None:
            raise ValueError("now must be an aware datetime (with a UTC offset)")
        self.now = now
        expected = ", ".join(self.load_fields)
        self.error_messages = {
            **self.error_messages,
            "unknown": f"unknown field; wire format v1 expects only: {expected}",
            "type": "expected a JSON object",
        }

    def reject_far_future(self, moment: datetime, data_key: str) -> None:
        """Refuse a time further ahead of the caller's clock than phone clocks drift."""
        if self.now is None or check_future(moment, self.now) is not ClockCheck.TOO_FAR_AHEAD:
            return
        hours = (moment - self.now).total_seconds() / 3600
        raise ValidationError(
            f"{data_key} is {hours:.0f} h ahead of the server clock; times more than 26 h "
            "ahead are rejected (check the date and time on the phone)"
        )

    @post_dump
    def _omit_none(self, data: Mapping[str, Any], **_: Any) -> dict[str, Any]:
        return {
            key: value
            for key, value in data.items()
            if not (value is None and key in self.omit_when_none)
        }

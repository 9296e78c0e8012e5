"""Field builders for the wire schemas, each with a message a person can act on.

marshmallow's defaults ("Not a valid integer.") do not say what a good value looks like; every
builder here names the field and the expected form, so the phone can show the message as is.
"""

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from marshmallow import ValidationError, fields, validate

TIME_EXAMPLE = "2026-11-27T08:30:00+01:00"
DATE_EXAMPLE = "2026-11-01"


Messages = dict[str, str | list[Any] | dict[Any, Any]]

# Bounds of what the server can store and the engine can do arithmetic on: a revision fits a
# 32-bit column with room to spare, a dose is far above any real one (implausible but possible
# doses are flagged, not refused), and no phone made a record before 2000 or after 2100.
LARGEST_REVISION = 10**6
LARGEST_NUMBER = 10**6
EARLIEST_TIME = datetime(2000, 1, 1, tzinfo=UTC)
LATEST_TIME = datetime(2100, 1, 1, tzinfo=UTC)


def _messages(name: str, **extra: str) -> Messages:
    return {"required": f"{name} is required", "null": f"{name} may not be null", **extra}


def _optional(required: bool, allow_none: bool) -> dict[str, Any]:
    return {"required": required, "allow_none": allow_none}


def uuid_field(name: str, *, required: bool = True) -> fields.UUID:
    return fields.UUID(
        error_messages=_messages(name, invalid_uuid=f"{name} must be a UUID"),
        **_optional(required, allow_none=False),
    )


def code_field(
    name: str, choices: Iterable[str], *, required: bool = True, allow_none: bool = False
) -> fields.String:
    allowed = tuple(choices)
    return fields.String(
        validate=validate.OneOf(
            allowed, error=f"unknown {name} '{{input}}'; expected one of {', '.join(allowed)}"
        ),
        error_messages=_messages(name, invalid=f"{name} must be a text code"),
        **_optional(required, allow_none),
    )


def code_list(name: str, choices: Iterable[str], *, required: bool = True) -> fields.List[str]:
    return fields.List(
        code_field(name, choices),
        error_messages=_messages(f"the list of {name}s", invalid=f"{name}s must be a list"),
        required=required,
    )


def score_field(name: str = "score", *, required: bool = True) -> fields.Integer:
    message = f"{name} must be a whole number from 0 to 10"
    return fields.Integer(
        strict=True,
        validate=validate.Range(0, 10, error=message),
        error_messages=_messages(name, invalid=message),
        **_optional(required, allow_none=not required),
    )


def whole_number(
    name: str, *, minimum: int, maximum: int = LARGEST_NUMBER, required: bool = True
) -> fields.Integer:
    message = f"{name} must be a whole number from {minimum} to {maximum:,}"
    return fields.Integer(
        strict=True,
        validate=validate.Range(min=minimum, max=maximum, error=message),
        error_messages=_messages(name, invalid=message),
        **_optional(required, allow_none=not required),
    )


class StrictNumber(fields.Float):
    """A JSON number only: "10" or true from a buggy client is refused, not read as 10 or 1."""

    def _deserialize(
        self, value: Any, attr: str | None, data: Mapping[str, Any] | None, **kwargs: Any
    ) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        try:
            finite = math.isfinite(value)
        except OverflowError:  # a JSON integer beyond any float, such as 10**400
            finite = False
        if not finite:
            raise self.make_error("special")
        return super()._deserialize(value, attr, data, **kwargs)


def positive_number(name: str, *, required: bool = True) -> fields.Float:
    message = f"{name} must be a number above 0 and at most {LARGEST_NUMBER:,}"
    return StrictNumber(
        allow_nan=False,
        validate=validate.Range(min=0, min_inclusive=False, max=LARGEST_NUMBER, error=message),
        error_messages=_messages(name, invalid=message, special=message, too_large=message),
        **_optional(required, allow_none=not required),
    )


def flag_field(name: str, *, load_default: bool = False) -> fields.Boolean:
    # Only JSON true/false: "yes" or 1 from a buggy client should not silently delete a record.
    return fields.Boolean(
        truthy={True},
        falsy={False},
        load_default=load_default,
        error_messages=_messages(name, invalid=f"{name} must be true or false"),
    )


def _within_years(name: str) -> Callable[[datetime], None]:
    def check(moment: datetime) -> None:
        # Compared before any arithmetic: year 1 at +23:59 cannot even be converted to UTC.
        if moment < EARLIEST_TIME:
            raise ValidationError(
                f"{name} is before the year 2000; check the date and time on the phone"
            )
        if moment >= LATEST_TIME:
            raise ValidationError(f"{name} is after the year 2099; check the date on the phone")

    return check


def aware_time(name: str) -> fields.AwareDateTime:
    return fields.AwareDateTime(
        format="iso",
        validate=_within_years(name),
        error_messages=_messages(
            name,
            invalid=f"{name} must be an ISO 8601 time with a UTC offset, e.g. {TIME_EXAMPLE}",
            invalid_awareness=(
                f"{name} has no UTC offset; add the offset of the place it was recorded, "
                f"e.g. {TIME_EXAMPLE}"
            ),
        ),
        required=True,
    )


def date_field(name: str, *, required: bool = True, allow_none: bool = False) -> fields.Date:
    return fields.Date(
        format="iso",
        error_messages=_messages(name, invalid=f"{name} must be a date like {DATE_EXAMPLE}"),
        **_optional(required, allow_none),
    )


def _storable(name: str, multiline: bool) -> Callable[[str], None]:
    allowed = "\t\n" if multiline else ""

    def check(text: str) -> None:
        # PostgreSQL cannot store a lone surrogate, and control characters only hide text.
        for character in text:
            if "\ud800" <= character <= "\udfff":
                raise ValidationError(
                    f"{name} holds a broken character (a lone UTF-16 surrogate); "
                    "type it again or remove it"
                )
            if (character < " " or "\x7f" <= character < "\xa0") and character not in allowed:
                raise ValidationError(
                    f"{name} holds a control character (code {ord(character)}); remove it"
                )

    return check


def text_field(
    name: str, *, max_length: int, required: bool = False, multiline: bool = False
) -> fields.String:
    return fields.String(
        validate=[
            validate.Length(
                max=max_length, error=f"{name} must be at most {max_length} characters"
            ),
            _storable(name, multiline),
        ],
        error_messages=_messages(name, invalid=f"{name} must be text"),
        **_optional(required, allow_none=not required),
    )

"""Field builders for the wire schemas, each with a message a person can act on.

marshmallow's defaults ("Not a valid integer.") do not say what a good value looks like; every
builder here names the field and the expected form, so the phone can show the message as is.
"""

from collections.abc import Iterable
from typing import Any

from marshmallow import fields, validate

TIME_EXAMPLE = "2026-11-27T08:30:00+01:00"
DATE_EXAMPLE = "2026-11-01"


Messages = dict[str, str | list[Any] | dict[Any, Any]]


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


def whole_number(name: str, *, minimum: int, required: bool = True) -> fields.Integer:
    message = f"{name} must be a whole number of at least {minimum}"
    return fields.Integer(
        strict=True,
        validate=validate.Range(min=minimum, error=message),
        error_messages=_messages(name, invalid=message),
        **_optional(required, allow_none=not required),
    )


def positive_number(name: str, *, required: bool = True) -> fields.Float:
    message = f"{name} must be a number above 0"
    return fields.Float(
        allow_nan=False,
        validate=validate.Range(min=0, min_inclusive=False, error=message),
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


def aware_time(name: str) -> fields.AwareDateTime:
    return fields.AwareDateTime(
        format="iso",
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


def text_field(name: str, *, max_length: int, required: bool = False) -> fields.String:
    return fields.String(
        validate=validate.Length(
            max=max_length,
            error=f"{name} must be at most {max_length} characters",
        ),
        error_messages=_messages(name, invalid=f"{name} must be text"),
        **_optional(required, allow_none=not required),
    )

"""Form posts turned into the wire records the services take, through the shared schemas.

A refusal is an `InvalidInput` whose `errors` map each form field (as the form names it, with
`.N` for the Nth posted row of a repeated field) to its messages, so the page can show each one
next to its field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marshmallow import Schema, ValidationError

from server.services.errors import InvalidInput

# The form field a schema error is about, from its path in the wire record ("details", "dose_gy").
FieldOf = Callable[[tuple[str | int, ...]], str]
# Errors of the record as a whole, or of fields the form does not show.
WHOLE_FORM = "form"


def dotted(path: tuple[str | int, ...]) -> str:
    named = [part for part in path if isinstance(part, str)]
    return ".".join(named) if named and named != ["_schema"] else WHOLE_FORM


def load_wire(schema: Schema, wire: dict[str, Any], field_of: FieldOf = dotted) -> Any:
    """The schema's record, or a 422 that lists each field's problem in words."""
    try:
        return schema.load(wire)
    except ValidationError as error:
        raise refused(field_errors(error.messages, field_of)) from None


def field_errors(messages: Any, field_of: FieldOf = dotted) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for path, message in flatten(messages):
        errors.setdefault(field_of(path), []).append(message)
    return errors


def refused(errors: dict[str, list[str]]) -> InvalidInput:
    problems = "; ".join(
        message if field == WHOLE_FORM else f"{field}: {message}"
        for field, messages in errors.items()
        for message in messages
    )
    return InvalidInput(f"Please check the form: {problems}.", errors)


def flatten(
    messages: Any, path: tuple[str | int, ...] = ()
) -> list[tuple[tuple[str | int, ...], str]]:
    """Each message of marshmallow's nested dict, with the path of keys that leads to it."""
    if isinstance(messages, dict):
        return [
            found
            for key, value in messages.items()
            for found in flatten(value, (*path, key if isinstance(key, str | int) else str(key)))
        ]
    if isinstance(messages, list):
        return [found for message in messages for found in flatten(message, path)]
    return [(path, str(messages))]


def text(form: Any, name: str) -> str | None:
    value = form.get(name, "").strip()
    return value or None


def number(value: str | None) -> float | str | None:
    """A number when it reads as one; otherwise the text, so the schema names the problem."""
    if value is None or value.strip() == "":
        return None
    try:
        parsed = float(value)
    except ValueError:
        return value
    return int(parsed) if parsed.is_integer() else parsed

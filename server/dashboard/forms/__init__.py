"""Form posts turned into the wire records the services take, through the shared schemas."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError

from server.services.errors import InvalidInput


def load_wire(schema: Schema, wire: dict[str, Any]) -> Any:
    """The schema's record, or a 422 that lists each field's problem in words."""
    try:
        return schema.load(wire)
    except ValidationError as error:
        problems = "; ".join(flatten(error.messages))
        raise InvalidInput(f"Please check the form: {problems}.", {"form": [problems]}) from None


def flatten(messages: Any, prefix: str = "") -> list[str]:
    if isinstance(messages, dict):
        out = []
        for key, value in messages.items():
            out.extend(flatten(value, f"{prefix}{key} " if isinstance(key, str) else prefix))
        return out
    if isinstance(messages, list):
        return [item for message in messages for item in flatten(message, prefix)]
    return [f"{prefix.strip()}: {messages}" if prefix else str(messages)]


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

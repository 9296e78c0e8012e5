"""marshmallow's nested error dicts as messages a screen can place next to each field.

`{"sites": {0: {"score": ["..."]}}}` becomes `{"sites.0.score": "..."}`; errors about the whole
record (marshmallow's "_schema") are keyed by the parent path, or "" at the top.
"""

from collections.abc import Mapping
from typing import Any


def by_field(errors: Any) -> dict[str, str]:
    messages: dict[str, list[str]] = {}
    for path, text in _walk(errors, ""):
        messages.setdefault(path, []).append(text)
    return {path: " ".join(texts) for path, texts in messages.items()}


def one_line(errors: Any) -> str:
    """All messages on one line, each prefixed with its field ("sites.0.score: ...")."""
    lines = [f"{path}: {text}" if path else text for path, text in by_field(errors).items()]
    return "; ".join(lines)


def _walk(errors: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(errors, Mapping):
        found: list[tuple[str, str]] = []
        for key, value in errors.items():
            name = path if key == "_schema" else (f"{path}.{key}" if path else str(key))
            found += _walk(value, name)
        return found
    if isinstance(errors, list | tuple):
        return [item for value in errors for item in _walk(value, path)]
    return [] if errors is None else [(path, str(errors))]

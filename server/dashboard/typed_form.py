"""What a form shows: the stored values, or, once refused, the values as typed with each field's
problem in words next to it, so a bad field never costs the clinician what they wrote.

Templates take a page's forms by name (`forms["context"]`); only the refused one carries typed
values and errors, every other one shows what is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict

from server.dashboard.forms import WHOLE_FORM, flatten
from server.services.errors import DomainError


@dataclass(frozen=True)
class TypedForm:
    name: str
    typed: MultiDict[str, str] | None = None
    errors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.typed is not None

    def value(self, name: str, stored: Any = "") -> str:
        """A field's value: as typed, else the stored one."""
        if self.typed is not None:
            return self.typed.get(name, "")
        return shown(stored)

    def chosen(self, name: str, option: Any, stored: bool = False) -> bool:
        """Whether an option or a checkbox is on: as typed, else as stored."""
        if self.typed is None:
            return stored
        return str(option) in self.typed.getlist(name)

    def rows(
        self, columns: Mapping[str, str], stored: Iterable[Mapping[str, Any]]
    ) -> list[dict[str, str]]:
        """A repeated group of fields, one dict a row, ending with a blank row to add one.

        `columns` maps each field to its key in a stored row; a row whose first field is empty
        is blank. Typed rows come back in the order posted, so row N's errors are `field.N`.
        """
        names = list(columns)
        if self.typed is not None:
            posted = [self.typed.getlist(name) for name in names]
            count = max((len(values) for values in posted), default=0)
            rows = [
                {
                    name: values[n] if n < len(values) else ""
                    for name, values in zip(names, posted, strict=True)
                }
                for n in range(count)
            ]
        else:
            rows = [{name: shown(row.get(key)) for name, key in columns.items()} for row in stored]
        if not rows or rows[-1][names[0]]:
            rows.append(dict.fromkeys(names, ""))
        return rows

    def error(self, name: str) -> str:
        return " ".join(self.errors.get(name, ()))

    def error_id(self, name: str) -> str:
        return f"{self.name}-{name.replace('.', '-').replace('_', '-')}-error"

    @property
    def problems(self) -> list[str]:
        return [message for messages in self.errors.values() for message in messages]


class Forms:
    """The forms of one page by name: the refused one as typed, every other as stored."""

    def __init__(self, refused: TypedForm | None = None) -> None:
        self.refused = refused

    def __getitem__(self, name: str) -> TypedForm:
        if self.refused is not None and self.refused.name == name:
            return self.refused
        return TypedForm(name)


def refused_form(
    name: str,
    typed: Mapping[str, Any],
    refusal: DomainError,
    labels: Mapping[str, str],
    renamed: Mapping[str, str] | None = None,
) -> TypedForm:
    """The form as typed, with the refusal's messages in words under the fields they are about.

    `labels` are the fields' labels on the screen; `renamed` maps a service's field names to the
    form's where they differ (a snooze's `until` is the form's `days`).
    """
    errors: dict[str, list[str]] = {}
    for key, messages in (refusal.errors or {WHOLE_FORM: [refusal.message]}).items():
        field_name = (renamed or {}).get(key, key)
        for _, message in flatten(messages):
            errors.setdefault(field_name, []).append(in_words(field_name, message, labels))
    return TypedForm(name, MultiDict(typed), {key: tuple(value) for key, value in errors.items()})


def in_words(field_name: str, message: str, labels: Mapping[str, str]) -> str:
    """One sentence that names the field as the screen does: "Since is required.",
    "Time zone: 'Mars/Olympus' is not a known time zone; …"."""
    label = labels.get(field_name.split(".")[0])
    text = message.strip().rstrip(".")
    if label is not None:
        first, _, rest = text.partition(" ")
        if names_the_field(first, field_name.split(".")[0]):
            text = f"{label} {rest}"
        else:
            text = f"{label}: {text}"
    return f"{text[:1].upper()}{text[1:]}."


def names_the_field(word: str, field_name: str) -> bool:
    """Whether a schema message starts with the field's wire name ("since", "details.dose_gy")."""
    wire_name = word.rsplit(".", 1)[-1]
    return bool(wire_name) and (field_name == wire_name or field_name.endswith(f"_{wire_name}"))


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

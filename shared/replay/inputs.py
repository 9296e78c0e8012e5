"""One replay input file, checked: the patient context and the wire records, or the first error.

The error names the field as a path into the file (`reports[3].sites[0].score`), so whoever
prepared the file can find it; the other files of a cohort replay regardless.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from marshmallow import Schema, ValidationError

from shared.records import Dose, PainReport, PatientContext, Treatment
from shared.wire import DoseSchema, PainReportSchema, PatientContextSchema, TreatmentSchema

FIELDS = ("patient", "reports", "doses", "treatments", "until")


class InputError(ValueError):
    """A replay file the engine cannot use; `field` is the path to the offending value."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class PatientInput:
    context: PatientContext
    reports: tuple[PainReport, ...]
    doses: tuple[Dose, ...]
    treatments: tuple[Treatment, ...]
    until: date


def load_patient(document: Any) -> PatientInput:
    """The patient file's records, loaded through the wire schemas; raises InputError."""
    if not isinstance(document, Mapping):
        raise InputError("(file)", f"expected a JSON object with {', '.join(FIELDS)}")
    for key in document:
        if key not in FIELDS:
            raise InputError(key, f"unknown field; a replay file has only {', '.join(FIELDS)}")
    if not isinstance(document.get("patient"), Mapping) or "id" not in document["patient"]:
        raise InputError("patient", "required: an object with at least the patient's id")
    context: PatientContext = _load(
        PatientContextSchema(partial=True), document["patient"], "patient"
    )
    return PatientInput(
        context=context,
        reports=_load_all(PainReportSchema(), document, "reports"),
        doses=_load_all(DoseSchema(), document, "doses"),
        treatments=_load_all(TreatmentSchema(), document, "treatments"),
        until=_until(document.get("until")),
    )


def _load_all(schema: Schema, document: Mapping[str, Any], key: str) -> tuple[Any, ...]:
    items = document.get(key, [])
    if not isinstance(items, list):
        raise InputError(key, "must be a list of records (it may be empty)")
    return tuple(_load(schema, item, f"{key}[{index}]") for index, item in enumerate(items))


def _load(schema: Schema, item: Any, path: str) -> Any:
    try:
        return schema.load(item)
    except ValidationError as error:
        field, message = _first_error(error.messages, path)
        raise InputError(field, message) from None


def _first_error(messages: Any, path: str) -> tuple[str, str]:
    if isinstance(messages, Mapping) and messages:
        key, value = next(iter(messages.items()))
        if isinstance(key, int):
            return _first_error(value, f"{path}[{key}]")
        return _first_error(value, path if key == "_schema" else f"{path}.{key}")
    if isinstance(messages, list) and messages:
        first = messages[0]
        return (path, first) if isinstance(first, str) else _first_error(first, path)
    return path, str(messages)


def _until(value: Any) -> date:
    if not isinstance(value, str):
        raise InputError("until", "required: the last day to replay, as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError("until", f"'{value}' is not a date; expected YYYY-MM-DD") from None

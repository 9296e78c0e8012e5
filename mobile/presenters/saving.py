"""Saving a record made on the phone: validate with the shared schema, commit, then say "saved".

The commit is durable (see `mobile.store.database`) before `save_*` returns, so the screen may
say "saved" as soon as it gets the result. Callers run this off the UI thread.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from marshmallow import ValidationError

from mobile.field_errors import by_field
from mobile.store import Kind, State, Store, records
from mobile.store.records import StoredRecord
from shared.wire import DoseSchema, PainReportSchema, dump_dose, dump_report
from shared.wire.base import WireSchema

_SCHEMAS: dict[Kind, tuple[type[WireSchema], Callable[[Any], dict[str, Any]]]] = {
    Kind.REPORT: (PainReportSchema, dump_report),
    Kind.DOSE: (DoseSchema, dump_dose),
}


@dataclass(frozen=True)
class Checked:
    """A validated wire body, or the per-field messages that stopped it."""

    body: dict[str, Any] | None = None
    errors: dict[str, str] = field(default_factory=dict)


def check(kind: Kind, body: dict[str, Any], now: datetime) -> Checked:
    schema_class, dump = _SCHEMAS[kind]
    try:
        record = schema_class(now=now).load(body)
    except ValidationError as error:
        return Checked(errors=by_field(error.messages))
    # The dump is the canonical wire form, exactly what the server will be sent.
    return Checked(body=dump(record))


def save_new(store: Store, kind: Kind, body: dict[str, Any]) -> None:
    with store.transaction() as connection:
        records.add(connection, kind, body)


class NotEditable(Exception):
    """The record does not exist on this phone, or is of another kind."""


def save_revision(
    store: Store,
    kind: Kind,
    record_id: str,
    make_body: Callable[[StoredRecord], dict[str, Any]],
    now: datetime,
) -> Checked:
    """Store the next revision of a record built by `make_body` from the current one.

    The new revision goes back into the outbox, also off the "could not send" list: an edited
    record is no longer the unchanged one the server refused.
    """
    with store.transaction() as connection:
        current = records.get(connection, record_id)
        if current is None or current.kind is not kind:
            raise NotEditable(f"no {kind} {record_id} on this phone")
        body = {**make_body(current), "id": record_id, "revision": current.revision + 1}
        checked = check(kind, body, now)
        if checked.body is not None:
            records.replace_body(connection, kind, checked.body, State.PENDING)
        return checked

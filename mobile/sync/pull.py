"""Apply the `changes` of a sync response to the local store, inside the caller's transaction.

Reports and doses from the patient's other devices replace a local copy only when newer, so an
edit still waiting in this phone's outbox is never overwritten by an older server copy.
"""

import sqlite3
from collections.abc import Callable
from typing import Any

from mobile.store import Kind, State, clinical, records
from mobile.sync.response import Changes
from mobile.sync.tolerant import load_pulled
from shared.wire import (
    DoseSchema,
    PainReportSchema,
    PatientContextSchema,
    TreatmentSchema,
    dump_context,
    dump_dose,
    dump_report,
    dump_treatment,
)

ALERT_FIELDS = ("id", "status", "raised_at", "acknowledged_at", "resolved_at")


def apply_changes(connection: sqlite3.Connection, changes: Changes) -> int:
    """Store what the server sent; returns how many items were applied."""
    applied = 0
    for body in changes.reports:
        applied += _patient_record(connection, Kind.REPORT, body, PainReportSchema(), dump_report)
    for body in changes.doses:
        applied += _patient_record(connection, Kind.DOSE, body, DoseSchema(), dump_dose)
    for body in changes.treatments:
        treatment = load_pulled(TreatmentSchema(), body)
        if treatment is not None:
            clinical.upsert_treatment(connection, dump_treatment(treatment))
            applied += 1
    if changes.context is not None:
        context = load_pulled(PatientContextSchema(), changes.context)
        if context is not None:
            clinical.set_context(connection, dump_context(context))
            applied += 1
    for body in changes.alerts:
        if isinstance(body.get("id"), str) and isinstance(body.get("status"), str):
            clinical.upsert_alert(connection, {key: body.get(key) for key in ALERT_FIELDS})
            applied += 1
    return applied


def _patient_record(
    connection: sqlite3.Connection,
    kind: Kind,
    body: dict[str, Any],
    schema: PainReportSchema | DoseSchema,
    dump: Callable[[Any], dict[str, Any]],
) -> int:
    loaded = load_pulled(schema, body)
    if loaded is None:
        return 0
    incoming = dump(loaded)
    local = records.get(connection, incoming["id"])
    if local is None:
        records.add(connection, kind, incoming, State.SYNCED)
        return 1
    if local.kind is kind and incoming["revision"] > local.revision:
        records.replace_body(connection, kind, incoming, State.SYNCED)
        return 1
    return 0

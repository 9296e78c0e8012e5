"""What the care team sends down: treatments, the patient context, alert status and settings.

Only the newest revision of a treatment or the context is kept; the server holds the history.
Alerts carry status and times only: the phone never shows a rule name, diagnosis or action.
"""

import json
import sqlite3
from collections.abc import Mapping
from typing import Any


def upsert_treatment(connection: sqlite3.Connection, body: Mapping[str, Any]) -> None:
    connection.execute(
        "INSERT INTO treatments (id, revision, body) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, body = excluded.body "
        "WHERE excluded.revision >= treatments.revision",
        (body["id"], body["revision"], json.dumps(body)),
    )


def treatments(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = connection.execute("SELECT body FROM treatments ORDER BY id")
    return [json.loads(row["body"]) for row in rows]


def set_context(connection: sqlite3.Connection, body: Mapping[str, Any]) -> None:
    connection.execute(
        "INSERT INTO patient_context (only_row, body) VALUES (1, ?) "
        "ON CONFLICT (only_row) DO UPDATE SET body = excluded.body",
        (json.dumps(body),),
    )


def context(connection: sqlite3.Connection) -> dict[str, Any] | None:
    row = connection.execute("SELECT body FROM patient_context").fetchone()
    return None if row is None else dict(json.loads(row["body"]))


def upsert_alert(connection: sqlite3.Connection, body: Mapping[str, Any]) -> None:
    connection.execute(
        "INSERT INTO alerts (id, status, raised_at, body) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
        "raised_at = excluded.raised_at, body = excluded.body",
        (body["id"], body["status"], body.get("raised_at"), json.dumps(body)),
    )


def alerts(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = connection.execute("SELECT body FROM alerts ORDER BY raised_at DESC, id")
    return [json.loads(row["body"]) for row in rows]


def replace_settings(connection: sqlite3.Connection, values: Mapping[str, Any]) -> None:
    connection.execute("DELETE FROM settings")
    connection.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?)",
        [(key, json.dumps(value)) for key, value in values.items()],
    )


def settings(connection: sqlite3.Connection) -> dict[str, Any]:
    rows = connection.execute("SELECT key, value FROM settings")
    return {row["key"]: json.loads(row["value"]) for row in rows}

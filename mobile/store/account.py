"""This phone's enrollment and sync position: server, device token, patient, cursor and flags.

The device token is what lets the phone push a patient's records; it lives only here and is
wiped at sign-out.
"""

import sqlite3
from dataclasses import dataclass

SERVER = "server"
TOKEN = "token"
PATIENT_ID = "patient_id"
DEVICE_NAME = "device_name"
CURSOR = "cursor"
# Set when the server refuses the token (401): the outbox is kept until a new code is entered.
NEEDS_NEW_CODE = "needs_new_code"
# Set when the server refuses this app version (426): syncing waits for an update.
UPGRADE_REQUIRED = "upgrade_required"


@dataclass(frozen=True)
class Enrollment:
    server: str
    token: str
    patient_id: str
    device_name: str


def get(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM account WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row["value"])


def put(connection: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        connection.execute("DELETE FROM account WHERE key = ?", (key,))
    else:
        connection.execute(
            "INSERT INTO account (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def flag(connection: sqlite3.Connection, key: str) -> bool:
    return get(connection, key) == "1"


def set_flag(connection: sqlite3.Connection, key: str, on: bool) -> None:
    put(connection, key, "1" if on else None)


def enrollment(connection: sqlite3.Connection) -> Enrollment | None:
    values = {key: get(connection, key) for key in (SERVER, TOKEN, PATIENT_ID, DEVICE_NAME)}
    server, token, patient_id = values[SERVER], values[TOKEN], values[PATIENT_ID]
    if server is None or token is None or patient_id is None:
        return None
    return Enrollment(server, token, patient_id, values[DEVICE_NAME] or "")


def save_enrollment(connection: sqlite3.Connection, enrolled: Enrollment) -> None:
    """Adopt a device token; a new token lifts the "needs a new code" state."""
    put(connection, SERVER, enrolled.server)
    put(connection, TOKEN, enrolled.token)
    put(connection, PATIENT_ID, enrolled.patient_id)
    put(connection, DEVICE_NAME, enrolled.device_name)
    set_flag(connection, NEEDS_NEW_CODE, False)

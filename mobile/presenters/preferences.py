"""The settings screen's presenter: the daily reminder time, the server, and an optional PIN.

The reminder time the patient picks wins over the care team's suggestion (sync `settings`);
the PIN is stored as a salted PBKDF2 hash, never as digits. Sign-out wipes both.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from mobile.store import Store, account, clinical

REMINDER_TIME = "reminder_time"
PIN_HASH = "pin_hash"
DEFAULT_REMINDER = "20:00"
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_ROUNDS = 100_000


@dataclass(frozen=True)
class Preferences:
    reminder_time: str  # "HH:MM", local time
    server: str | None
    device_name: str | None
    has_pin: bool


def valid_time(text: str) -> str | None:
    """ "7:05" -> "07:05"; None when it is not a time of day."""
    cleaned = text.strip()
    if re.fullmatch(r"\d:\d\d", cleaned):
        cleaned = "0" + cleaned
    return cleaned if _TIME.match(cleaned) else None


def _hash(pin: str, salt: bytes) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, _ROUNDS)
    return f"{salt.hex()}${digest.hex()}"


class PreferencesPresenter:
    def __init__(self, store: Store) -> None:
        self.store = store

    def view(self) -> Preferences:
        with self.store.transaction() as connection:
            chosen = account.get(connection, REMINDER_TIME)
            suggested = clinical.settings(connection).get("check_in_reminder")
            enrolled = account.enrollment(connection)
            has_pin = account.get(connection, PIN_HASH) is not None
        team_time = valid_time(suggested) if isinstance(suggested, str) else None
        return Preferences(
            reminder_time=chosen or team_time or DEFAULT_REMINDER,
            server=enrolled.server if enrolled else None,
            device_name=enrolled.device_name if enrolled else None,
            has_pin=has_pin,
        )

    def set_reminder_time(self, text: str) -> str | None:
        """Store the time; returns a message when it is not a time like 20:00."""
        time = valid_time(text)
        if time is None:
            return "Enter a time like 20:00"
        with self.store.transaction() as connection:
            account.put(connection, REMINDER_TIME, time)
        return None

    def set_pin(self, pin: str) -> str | None:
        """A PIN of 4 to 8 digits; an empty one removes the PIN. Returns a message on error."""
        if pin and not (pin.isdigit() and 4 <= len(pin) <= 8):
            return "A PIN is 4 to 8 digits"
        with self.store.transaction() as connection:
            account.put(connection, PIN_HASH, _hash(pin, secrets.token_bytes(16)) if pin else None)
        return None

    def check_pin(self, pin: str) -> bool:
        with self.store.transaction() as connection:
            stored = account.get(connection, PIN_HASH)
        if stored is None:
            return True
        salt, _, _ = stored.partition("$")
        return hmac.compare_digest(stored, _hash(pin, bytes.fromhex(salt)))

"""The phone's local store (SQLite, standard library): records, outbox state, clinician data.

`Store(path)` opens (and upgrades) the database; `store.transaction()` yields a connection for
the functions of `records`, `clinical` and `account`; `store.wipe()` forgets everything.
"""

from pathlib import Path

from mobile.store import account, clinical, records
from mobile.store.database import Database
from mobile.store.records import Kind, State, StoredRecord

DATABASE_FILE = "painline.sqlite3"

_TABLES = ("local_records", "treatments", "patient_context", "alerts", "settings", "account")


class Store(Database):
    """The local database of one phone."""

    @classmethod
    def in_directory(cls, directory: Path | str) -> "Store":
        return cls(Path(directory) / DATABASE_FILE)

    def wipe(self) -> None:
        """Delete every record, the token and the settings (sign-out); the schema stays."""
        with self.transaction() as connection:
            for table in _TABLES:
                connection.execute(f"DELETE FROM {table}")  # names from the constant above
        self.compact()


__all__ = ["Kind", "State", "Store", "StoredRecord", "account", "clinical", "records"]

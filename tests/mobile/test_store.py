"""The local store: a saved record is committed before the call returns and survives reopening."""

from __future__ import annotations

import sqlite3

import pytest

from mobile.store import Kind, State, Store, account, records
from mobile.store.schema import STEPS, schema_version
from tests.mobile.builders import a_report


def test_a_saved_record_is_visible_to_another_connection_at_once(store):
    report = a_report()
    with store.transaction() as connection:
        records.add(connection, Kind.REPORT, report)

    # A separate connection sees only committed data.
    other = sqlite3.connect(store.path)
    found = other.execute("SELECT id, state FROM local_records").fetchall()
    other.close()
    assert found == [(report["id"], "pending")]


def test_records_survive_closing_and_reopening_the_store(store):
    report = a_report()
    with store.transaction() as connection:
        records.add(connection, Kind.REPORT, report)
    store.close()

    reopened = Store(store.path)
    with reopened.transaction() as connection:
        found = records.get(connection, report["id"])
    reopened.close()

    assert found is not None
    assert found.body == report
    assert found.state is State.PENDING


def test_a_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError), store.transaction() as connection:
        records.add(connection, Kind.REPORT, a_report())
        raise RuntimeError("the screen crashed mid-save")

    with store.transaction() as connection:
        assert records.in_state(connection, State.PENDING) == []


def test_the_store_uses_wal_and_records_its_schema_version(store):
    with store.transaction() as connection:
        assert schema_version(connection) == len(STEPS)
    mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_store_written_by_a_newer_app_is_refused(store):
    store.close()
    raw = sqlite3.connect(store.path)
    raw.execute(f"PRAGMA user_version = {len(STEPS) + 1}")
    raw.close()

    with pytest.raises(RuntimeError, match="newer app"):
        Store(store.path)


def test_wipe_forgets_records_and_the_device_token(enrolled_store):
    with enrolled_store.transaction() as connection:
        records.add(connection, Kind.REPORT, a_report())

    enrolled_store.wipe()

    with enrolled_store.transaction() as connection:
        assert records.newest_first(connection, 10) == []
        assert account.enrollment(connection) is None

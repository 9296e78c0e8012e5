"""The push order: red-flag records first, then the rest oldest first; older phones upgrade."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from mobile import outbox
from mobile.store import Kind, State, Store, records
from mobile.store.schema import STEPS, schema_version
from tests.mobile.builders import MORNING, a_report


def save(store, *bodies):
    with store.transaction() as connection:
        for body in bodies:
            records.add(connection, Kind.REPORT, body)


def flag(store, *bodies):
    with store.transaction() as connection:
        records.set_priority(connection, {b["id"]: b["revision"] for b in bodies}, records.RED_FLAG)


def batch_ids(store, **options):
    with store.transaction() as connection:
        return list(outbox.next_batch(connection, **options).sent)


def test_red_flags_leave_first_then_the_rest_oldest_first(store):
    first, second, red, third, other_red = (
        a_report(MORNING + timedelta(hours=i)) for i in range(5)
    )
    save(store, first, second, red, third, other_red)
    flag(store, red, other_red)

    assert batch_ids(store) == [red["id"], other_red["id"], first["id"], second["id"], third["id"]]


def test_without_red_flags_the_batch_follows_the_order_of_saving(store):
    reports = [a_report(MORNING + timedelta(hours=i)) for i in range(3)]
    save(store, *reports)

    assert batch_ids(store) == [report["id"] for report in reports]


def test_the_limit_keeps_the_red_flags_and_cuts_the_oldest_ordinary_records(store):
    first, second, red = (a_report(MORNING + timedelta(hours=i)) for i in range(3))
    save(store, first, second, red)
    flag(store, red)

    assert batch_ids(store, limit=2) == [red["id"], first["id"]]


def test_red_flags_apart_sends_the_red_flags_on_their_own(store):
    first, red, second = (a_report(MORNING + timedelta(hours=i)) for i in range(3))
    save(store, first, red, second)
    flag(store, red)

    assert batch_ids(store, red_flags_apart=True) == [red["id"]]


def test_red_flags_apart_changes_nothing_when_there_is_no_red_flag(store):
    reports = [a_report(MORNING + timedelta(hours=i)) for i in range(3)]
    save(store, *reports)

    assert batch_ids(store, red_flags_apart=True) == [report["id"] for report in reports]


def test_an_edited_red_flag_waits_to_be_assessed_again_in_save_order(store):
    first, red = a_report(MORNING), a_report(MORNING + timedelta(hours=1))
    save(store, first, red)
    flag(store, red)
    with store.transaction() as connection:
        records.replace_body(connection, Kind.REPORT, {**red, "revision": 2}, State.PENDING)
        unassessed = records.unassessed(connection, Kind.REPORT)

    assert [r.id for r in unassessed] == [first["id"], red["id"]]
    assert not unassessed[1].red_flag
    assert batch_ids(store) == [first["id"], red["id"]]


def test_a_priority_for_an_older_revision_is_not_applied(store):
    first, report = a_report(MORNING), a_report(MORNING + timedelta(hours=1))
    save(store, first, report)
    with store.transaction() as connection:
        records.replace_body(connection, Kind.REPORT, {**report, "revision": 2}, State.PENDING)
    flag(store, report)  # assessed at revision 1, while revision 2 was being saved

    assert batch_ids(store) == [first["id"], report["id"]]
    with store.transaction() as connection:
        assert [r.id for r in records.unassessed(connection, Kind.REPORT)] == [
            first["id"],
            report["id"],
        ]


def test_a_phone_database_from_before_priorities_is_upgraded_and_keeps_its_outbox(tmp_path):
    path = tmp_path / "old.sqlite3"
    report = a_report()
    old = sqlite3.connect(path)
    old.executescript(STEPS[0])
    old.execute(
        "INSERT INTO local_records (kind, id, revision, at, body, state) "
        "VALUES ('report', ?, 1, ?, ?, 'pending')",
        (report["id"], report["recorded_at"], json.dumps(report)),
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    upgraded = Store(path)
    try:
        with upgraded.transaction() as connection:
            assert schema_version(connection) == len(STEPS) == 2
            (waiting,) = records.unassessed(connection, Kind.REPORT)
            batch = outbox.next_batch(connection)
    finally:
        upgraded.close()

    assert waiting.body == report
    assert batch.reports == [report]

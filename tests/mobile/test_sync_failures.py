"""Failed pushes are counted per batch in the store: a restart of the app keeps counting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mobile import outbox
from mobile.store import Kind, State, Store, records
from mobile.sync import failures
from tests.mobile.builders import MORNING, a_report


@pytest.fixture
def reports(store):
    made = [a_report(MORNING + timedelta(hours=i)) for i in range(5)]
    with store.transaction() as connection:
        for body in made:
            records.add(connection, Kind.REPORT, body)
    return made


def next_batch(store):
    with store.transaction() as connection:
        return outbox.next_batch(connection, limit=failures.push_limit(connection))


def count(store, batch):
    with store.transaction() as connection:
        return failures.count(connection, batch)


def outbox_as_saved(store, reports):
    with store.transaction() as connection:
        kept = records.in_state(connection, State.PENDING)
    return [r.body for r in kept] == reports


def test_failures_of_the_same_batch_are_counted_across_a_restart(store, reports):
    batch = next_batch(store)
    assert count(store, batch) == 1
    assert count(store, batch) == 2
    store.close()

    reopened = Store(store.path)
    try:
        assert count(reopened, next_batch(reopened)) == 3
        assert outbox_as_saved(reopened, reports)
    finally:
        reopened.close()


def test_a_different_batch_counts_from_one(store, reports):
    count(store, next_batch(store))
    count(store, next_batch(store))
    with store.transaction() as connection:
        edited = {**reports[0], "revision": 2}
        records.replace_body(connection, Kind.REPORT, edited, State.PENDING)

    assert count(store, next_batch(store)) == 1


def test_counting_a_failure_changes_no_record_and_not_the_batch_size(store, reports):
    for _ in range(2):
        count(store, next_batch(store))

    assert outbox_as_saved(store, reports)
    assert len(next_batch(store)) == 5
    with store.transaction() as connection:
        assert failures.narrowing(connection)


def test_a_split_halves_the_pushes_until_reset_and_survives_a_restart(store, reports):
    with store.transaction() as connection:
        failures.split(connection, outbox.next_batch(connection))
    store.close()

    reopened = Store(store.path)
    try:
        assert list(next_batch(reopened).sent) == [r["id"] for r in reports[:3]]
        assert count(reopened, next_batch(reopened)) == 1  # each half counts afresh
        with reopened.transaction() as connection:
            failures.reset(connection)
            assert not failures.narrowing(connection)
        assert len(next_batch(reopened)) == 5
        assert outbox_as_saved(reopened, reports)
    finally:
        reopened.close()


def test_an_answer_for_a_record_of_the_failing_batch_ends_the_count(store, reports):
    batch = next_batch(store)
    count(store, batch)
    with store.transaction() as connection:
        failures.answered(connection, ["some-other-id"])
    assert count(store, batch) == 2

    with store.transaction() as connection:
        failures.answered(connection, [reports[0]["id"]])
        assert not failures.narrowing(connection)
    assert count(store, batch) == 1


def test_a_sign_out_forgets_the_count(store, reports):
    count(store, next_batch(store))
    store.wipe()

    with store.transaction() as connection:
        assert not failures.narrowing(connection)
        assert failures.push_limit(connection) == outbox.MAX_BATCH

"""The outbox: batches in save order, only acknowledged revisions synced, refusals kept apart."""

from __future__ import annotations

from datetime import timedelta

from mobile import outbox
from mobile.store import Kind, State, records
from tests.mobile.builders import MORNING, a_dose, a_report


def save(store, *bodies, kind=Kind.REPORT):
    with store.transaction() as connection:
        for body in bodies:
            records.add(connection, kind, body)


def state_of(store, record_id):
    with store.transaction() as connection:
        return records.get(connection, record_id).state


def test_a_batch_holds_at_most_200_records_in_the_order_they_were_saved(store):
    reports = [a_report(MORNING + timedelta(minutes=i)) for i in range(250)]
    save(store, *reports)

    with store.transaction() as connection:
        batch = outbox.next_batch(connection)

    assert len(batch) == 200
    assert [r["id"] for r in batch.reports] == [r["id"] for r in reports[:200]]


def test_a_batch_carries_reports_and_doses_apart(store):
    report, dose = a_report(), a_dose()
    save(store, report)
    save(store, dose, kind=Kind.DOSE)

    with store.transaction() as connection:
        batch = outbox.next_batch(connection)

    assert batch.reports == [report]
    assert batch.doses == [dose]


def test_a_batch_stays_under_the_size_cap_but_always_takes_one_record(store):
    save(store, a_report(note="x" * 2000), a_report(note="y" * 2000))

    with store.transaction() as connection:
        assert len(outbox.next_batch(connection, max_bytes=100)) == 1


def test_only_acknowledged_ids_are_marked_synced(store):
    first, second = a_report(), a_report()
    save(store, first, second)
    with store.transaction() as connection:
        batch = outbox.next_batch(connection)
        outbox.acknowledge(connection, batch, [first["id"], "an-id-this-phone-never-sent"])

    assert state_of(store, first["id"]) is State.SYNCED
    assert state_of(store, second["id"]) is State.PENDING


def test_a_record_edited_while_its_old_revision_was_in_flight_stays_in_the_outbox(store):
    report = a_report()
    save(store, report)
    with store.transaction() as connection:
        batch = outbox.next_batch(connection)
        records.replace_body(
            connection, Kind.REPORT, {**report, "revision": 2, "note": "edited"}, State.PENDING
        )
        outbox.acknowledge(connection, batch, [report["id"]])

    assert state_of(store, report["id"]) is State.PENDING


def test_a_rejected_record_moves_to_could_not_send_with_the_servers_message(store):
    report = a_report()
    save(store, report)
    with store.transaction() as connection:
        batch = outbox.next_batch(connection)
        outbox.reject(connection, batch, {report["id"]: {"sites": {"0": {"score": ["too high"]}}}})
        unsent = outbox.could_not_send(connection)

    assert [item.record.id for item in unsent] == [report["id"]]
    assert unsent[0].message == "sites.0.score: too high"


def test_a_rejected_record_is_never_resent_unchanged(store):
    report = a_report()
    save(store, report)
    with store.transaction() as connection:
        outbox.reject(connection, outbox.next_batch(connection), {report["id"]: ["refused"]})
        again = outbox.next_batch(connection)

    assert len(again) == 0


def test_an_edited_rejected_record_goes_back_into_the_outbox(store):
    report = a_report()
    save(store, report)
    with store.transaction() as connection:
        outbox.reject(connection, outbox.next_batch(connection), {report["id"]: ["refused"]})
        records.replace_body(connection, Kind.REPORT, {**report, "revision": 2}, State.PENDING)
        batch = outbox.next_batch(connection)

    assert batch.sent == {report["id"]: 2}


def test_unsynced_counts_the_outbox_and_the_could_not_send_list(store):
    first, second, third = a_report(), a_report(), a_report()
    save(store, first, second, third)
    with store.transaction() as connection:
        batch = outbox.next_batch(connection)
        outbox.acknowledge(connection, batch, [first["id"]])
        outbox.reject(connection, batch, {second["id"]: ["refused"]})

        assert outbox.unsynced_count(connection) == 2

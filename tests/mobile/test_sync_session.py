"""One sync against a scripted server: batching, paging, pulls, refusals and a revoked token."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mobile import outbox
from mobile.store import Kind, State, account, clinical, records
from mobile.sync import SyncSession, TokenRevoked, UpgradeRequired
from mobile.sync.client import BatchTooLarge
from mobile.sync.errors import NotEnrolled
from tests.mobile.builders import MORNING, a_dose, a_report, a_treatment, an_answer
from tests.mobile.fakes import FakeSyncServer, accept_everything


def save(store, *bodies, kind=Kind.REPORT):
    with store.transaction() as connection:
        for body in bodies:
            records.add(connection, kind, body)


def sync(store, server):
    return SyncSession(store, server.client_for).run()


def test_the_outbox_goes_out_in_batches_of_200_until_empty(enrolled_store):
    save(enrolled_store, *[a_report(MORNING + timedelta(minutes=i)) for i in range(450)])
    server = FakeSyncServer()

    outcome = sync(enrolled_store, server)

    assert [len(call["reports"]) for call in server.calls] == [200, 200, 50]
    assert outcome.acknowledged == 450
    assert outcome.pending == 0


def test_pages_are_pulled_with_the_new_cursor_while_more_is_true(enrolled_store):
    treatments = [a_treatment(), a_treatment()]

    def two_pages(cursor, reports, doses):
        if cursor is None:
            return an_answer(cursor="page-1", more=True, changes={"treatments": treatments[:1]})
        return an_answer(cursor="page-2", changes={"treatments": treatments[1:]})

    server = FakeSyncServer(two_pages)
    sync(enrolled_store, server)

    assert [call["cursor"] for call in server.calls] == [None, "page-1"]
    with enrolled_store.transaction() as connection:
        assert {t["id"] for t in clinical.treatments(connection)} == {t["id"] for t in treatments}
        assert account.get(connection, account.CURSOR) == "page-2"


def test_unknown_response_fields_are_ignored(enrolled_store):
    treatment = {**a_treatment(), "colour": "blue", "details": {"dose_gy": 8, "new": 1}}
    answer = an_answer(
        changes={"treatments": [treatment], "surprise": []}, extra={"field": 1}, more=False
    )

    sync(enrolled_store, FakeSyncServer(lambda *_: answer))

    with enrolled_store.transaction() as connection:
        (stored,) = clinical.treatments(connection)
    assert "colour" not in stored
    assert stored["details"]["dose_gy"] == 8


def test_context_alerts_and_settings_are_applied(enrolled_store):
    context = {
        "id": "6f1c1c7e-3c55-4a57-9f43-3f6a4d0b8a11",
        "revision": 1,
        "care_team_id": "0b6f3b0e-1c1e-4a57-9f43-3f6a4d0b8a12",
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        "lesions": [],
        "medications": [],
    }
    alert = {"id": "a1", "status": "open", "raised_at": "2026-11-27T08:31:00+00:00", "rule": "x"}
    answer = an_answer(changes={"context": context, "alerts": [alert]})

    sync(enrolled_store, FakeSyncServer(lambda *_: answer))

    with enrolled_store.transaction() as connection:
        assert clinical.context(connection)["time_zone"] == "Europe/London"
        # The phone keeps status only, never the rule.
        assert "rule" not in clinical.alerts(connection)[0]
        assert clinical.settings(connection)["check_in_reminder"] == "20:00"


def test_rejected_items_are_kept_with_the_message_and_not_resent(enrolled_store):
    good, bad = a_report(), a_report()
    save(enrolled_store, good, bad)

    def refuse_bad(cursor, reports, doses):
        return an_answer(
            accepted=[good["id"]], rejected=[{"id": bad["id"], "errors": {"note": ["too long"]}}]
        )

    server = FakeSyncServer(refuse_bad)
    sync(enrolled_store, server)
    sync(enrolled_store, server)

    assert [len(call["reports"]) for call in server.calls] == [2, 0]
    with enrolled_store.transaction() as connection:
        (unsent,) = outbox.could_not_send(connection)
    assert unsent.record.id == bad["id"]
    assert unsent.message == "note: too long"


def test_a_pulled_report_never_overwrites_a_newer_local_edit(enrolled_store):
    report = a_report()
    save(enrolled_store, {**report, "revision": 3})
    answer = an_answer(changes={"reports": [{**report, "revision": 2}]})

    sync(enrolled_store, FakeSyncServer(lambda *_: answer))

    with enrolled_store.transaction() as connection:
        assert records.get(connection, report["id"]).revision == 3


def test_a_report_from_another_device_is_stored_as_synced(enrolled_store):
    report = a_report()

    sync(enrolled_store, FakeSyncServer(lambda *_: an_answer(changes={"reports": [report]})))

    with enrolled_store.transaction() as connection:
        assert records.get(connection, report["id"]).state is State.SYNCED


def test_a_revoked_token_keeps_the_outbox_and_asks_for_a_new_code(enrolled_store):
    report = a_report()
    save(enrolled_store, report)
    server = FakeSyncServer(lambda *_: TokenRevoked("revoked"))

    with pytest.raises(TokenRevoked):
        sync(enrolled_store, server)
    with pytest.raises(TokenRevoked):
        sync(enrolled_store, server)

    assert len(server.calls) == 1  # no point sending again with a dead token
    with enrolled_store.transaction() as connection:
        assert account.flag(connection, account.NEEDS_NEW_CODE)
        assert outbox.pending_count(connection) == 1


def test_an_unsupported_app_version_is_remembered(enrolled_store):
    with pytest.raises(UpgradeRequired):
        sync(enrolled_store, FakeSyncServer(lambda *_: UpgradeRequired("update")))

    with enrolled_store.transaction() as connection:
        assert account.flag(connection, account.UPGRADE_REQUIRED)


def test_a_batch_refused_as_too_large_is_split(enrolled_store):
    save(enrolled_store, *[a_report() for _ in range(8)])

    def small_only(cursor, reports, doses):
        if len(reports) > 2:
            return BatchTooLarge("too large", 413)
        return accept_everything(cursor, reports, doses)

    server = FakeSyncServer(small_only)
    outcome = sync(enrolled_store, server)

    assert outcome.acknowledged == 8
    assert [len(call["reports"]) for call in server.calls][:3] == [8, 4, 2]


def test_a_single_record_too_large_to_send_moves_to_could_not_send(enrolled_store):
    save(enrolled_store, a_dose(), kind=Kind.DOSE)

    sync(enrolled_store, FakeSyncServer(lambda *_: BatchTooLarge("too large", 413)))

    with enrolled_store.transaction() as connection:
        assert "too large" in outbox.could_not_send(connection)[0].message


def test_an_answer_that_acknowledges_nothing_ends_the_sync_instead_of_looping(enrolled_store):
    save(enrolled_store, a_report())
    server = FakeSyncServer(lambda *_: an_answer())

    outcome = sync(enrolled_store, server)

    assert len(server.calls) == 1
    assert outcome.pending == 1


def test_a_phone_that_is_not_enrolled_does_not_sync(store):
    with pytest.raises(NotEnrolled):
        sync(store, FakeSyncServer())

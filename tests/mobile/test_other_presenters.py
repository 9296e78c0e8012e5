"""Doses, history, messages and sign-out presenters."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from mobile import outbox
from mobile.presenters import (
    CheckInForm,
    CheckInPresenter,
    DoseForm,
    DosePresenter,
    HistoryPresenter,
    MessagesPresenter,
    SignOutPresenter,
)
from mobile.presenters.doses import dose_question
from mobile.safety import SafetyCheck
from mobile.store import Kind, State, account, clinical, records
from tests.mobile.builders import a_stable_check_in


@pytest.fixture
def checkin(store, clock):
    return CheckInPresenter(store, clock, SafetyCheck(store))


def a_dose_form(**fields):
    values = {"medication": "oxycodone", "dose": 5, "unit": "mg", "route": "oral"}
    return DoseForm(**{**values, "purpose": "breakthrough", **fields})


def test_a_dose_is_saved_with_the_time_now(store, clock):
    result = DosePresenter(store, clock).submit(a_dose_form())

    with store.transaction() as connection:
        record = records.get(connection, result.record_id)
    assert record.kind is Kind.DOSE
    assert record.body["taken_at"] == clock.now.isoformat()


def test_a_dose_taken_earlier_keeps_its_own_time(store, clock):
    earlier = clock.now - timedelta(hours=3)

    result = DosePresenter(store, clock).submit(a_dose_form(taken_at=earlier))

    with store.transaction() as connection:
        assert records.get(connection, result.record_id).body["taken_at"] == earlier.isoformat()


def test_an_invalid_dose_names_its_fields_and_saves_nothing(store, clock):
    result = DosePresenter(store, clock).submit(a_dose_form(dose=-1, unit="ml", route="ear"))

    assert not result.saved
    assert set(result.errors) == {"dose", "route"}
    with store.transaction() as connection:
        assert outbox.pending_count(connection) == 0


def test_an_opioid_in_ml_is_refused_with_the_schemas_reason(store, clock):
    result = DosePresenter(store, clock).submit(a_dose_form(unit="ml"))

    assert "oral morphine equivalents" in result.errors["unit"]


def test_an_implausible_dose_is_saved_only_once_confirmed(store, clock):
    wild = a_dose_form(medication="morphine", dose=100_000)

    asked = DosePresenter(store, clock).submit(wild)
    confirmed = DosePresenter(store, clock).submit(replace(wild, confirmed=True))

    assert not asked.saved
    assert asked.errors == {"dose": "Is 100000 mg right? That is far above usual doses"}
    assert confirmed.saved
    with store.transaction() as connection:
        assert outbox.pending_count(connection) == 1


def test_only_amounts_the_wire_accepts_are_asked_about():
    assert dose_question(a_dose_form(medication="morphine", dose=100_000)) is not None
    assert dose_question(a_dose_form(medication="morphine", dose=30)) is None
    assert dose_question(a_dose_form(medication="morphine", dose=2_000_000)) is None
    assert dose_question(a_dose_form(medication="morphine", dose=float("inf"))) is None


def test_planned_medicines_come_from_the_synced_context(store, clock):
    plan = [{"medication": "pregabalin", "purpose": "scheduled", "since": "2026-11-01"}]
    with store.transaction() as connection:
        clinical.set_context(connection, {"id": "c", "medications": plan})

    assert DosePresenter(store, clock).planned_medications() == plan


def test_history_lists_entries_newest_first_with_their_sync_state(store, clock, checkin):
    older = checkin.submit(a_stable_check_in(score=2)).record_id
    clock.advance(hours=1)
    newer = DosePresenter(store, clock).submit(a_dose_form()).record_id

    entries = HistoryPresenter(store, clock).entries()

    assert [entry.id for entry in entries] == [newer, older]
    assert entries[0].summary == "oxycodone 5 mg (breakthrough)"
    assert entries[1].summary.startswith("Pain 2/10 at")
    assert {entry.state for entry in entries} == {State.PENDING}


def test_history_says_pain_not_rated_for_symptoms_only_and_no_pain_for_a_pain_free_check_in(
    store, clock, checkin
):
    checkin.submit(CheckInForm(symptoms=["thirst"]))
    clock.advance(hours=1)
    checkin.submit(CheckInForm(symptoms=["thirst"], pain_rated=False))

    entries = HistoryPresenter(store, clock).entries()

    assert [entry.summary for entry in entries] == ["Pain not rated", "No pain"]


def test_deleting_an_entry_stores_a_tombstone_that_syncs(store, clock, checkin):
    record_id = checkin.submit(a_stable_check_in()).record_id
    history = HistoryPresenter(store, clock)

    assert history.delete(Kind.REPORT, record_id)

    assert history.entries() == []
    with store.transaction() as connection:
        batch = outbox.next_batch(connection)
    assert batch.reports[0]["deleted"] is True
    assert batch.sent == {record_id: 2}


def test_messages_show_alert_status_and_what_could_not_be_sent(store, checkin):
    record_id = checkin.submit(a_stable_check_in()).record_id
    with store.transaction() as connection:
        outbox.reject(connection, outbox.next_batch(connection), {record_id: ["too far ahead"]})
        clinical.upsert_alert(connection, {"id": "a1", "status": "acknowledged"})
        account.set_flag(connection, account.NEEDS_NEW_CODE, True)

    view = MessagesPresenter(store).view()

    assert [(alert.id, alert.text) for alert in view.alerts] == [
        ("a1", "Your care team has seen this.")
    ]
    assert view.could_not_send[0].id == record_id
    assert view.could_not_send[0].message == "too far ahead"
    assert view.needs_new_code


def test_sign_out_is_refused_while_entries_are_unsent(enrolled_store, clock):
    CheckInPresenter(enrolled_store, clock, SafetyCheck(enrolled_store)).submit(a_stable_check_in())

    result = SignOutPresenter(enrolled_store).sign_out()

    assert not result.signed_out
    assert result.unsynced == 1
    with enrolled_store.transaction() as connection:
        assert account.enrollment(connection) is not None


def test_sign_out_accepting_the_loss_wipes_everything(enrolled_store, clock):
    CheckInPresenter(enrolled_store, clock, SafetyCheck(enrolled_store)).submit(a_stable_check_in())

    result = SignOutPresenter(enrolled_store).sign_out(accept_loss=True)

    assert result.signed_out
    with enrolled_store.transaction() as connection:
        assert account.enrollment(connection) is None
        assert outbox.unsynced_count(connection) == 0


def test_sign_out_with_everything_synced_needs_no_confirmation(enrolled_store, clock):
    steps = []
    presenter = SignOutPresenter(
        enrolled_store,
        before_wipe=lambda: steps.append("sync stopped"),
        after_wipe=lambda: steps.append("sync restarted"),
    )

    assert presenter.sign_out().signed_out
    assert steps == ["sync stopped", "sync restarted"]

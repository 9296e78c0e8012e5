"""The check-in presenter: validated, durable before "saved", then the offline safety net."""

from __future__ import annotations

from datetime import datetime

import pytest

from mobile.clock import aware
from mobile.presenters import (
    PAIN_QUESTION,
    CheckInForm,
    CheckInPresenter,
    SiteEntry,
    asks_about_pain,
)
from mobile.presenters.messages import MessagesPresenter
from mobile.safety import SafetyCheck
from mobile.store import State, clinical, records
from mobile.words import SYMPTOMS
from tests.mobile.builders import a_check_in_with, a_stable_check_in


@pytest.fixture
def pokes():
    return []


@pytest.fixture
def checkin(store, clock, pokes):
    return CheckInPresenter(store, clock, SafetyCheck(store), on_saved=lambda: pokes.append(1))


def stored(store, record_id):
    with store.transaction() as connection:
        return records.get(connection, record_id)


def test_a_check_in_with_limb_weakness_raises_the_safety_net(checkin):
    result = checkin.submit(a_check_in_with("limb_weakness"))

    assert result.saved
    assert result.safety_net is not None
    assert result.record_id in result.safety_net.record_ids


def test_the_safety_net_shows_the_care_teams_helpline_and_words(store, checkin):
    with store.transaction() as connection:
        clinical.replace_settings(
            connection, {"helpline": "+44 20 7946 0000", "call_now_text": "Call us now."}
        )

    net = checkin.submit(a_check_in_with("cannot_bear_weight")).safety_net

    assert net.helpline == "+44 20 7946 0000"
    assert net.call_now_text == "Call us now."


def test_a_stable_check_in_does_not_raise_the_safety_net(checkin):
    result = checkin.submit(a_stable_check_in())

    assert result.saved
    assert result.safety_net is None
    assert not result.safety_check_failed


def test_a_saved_check_in_is_in_the_outbox_as_a_wire_record(store, clock, checkin):
    result = checkin.submit(a_stable_check_in(score=4))

    record = stored(store, result.record_id)
    assert record.state is State.PENDING
    assert record.body["recorded_at"] == clock.now.isoformat()
    assert record.body["sites"][0]["score"] == 4
    assert record.body["revision"] == 1


def test_saving_pokes_the_sync(checkin, pokes):
    checkin.submit(a_stable_check_in())

    assert pokes == [1]


def test_invalid_input_gives_messages_per_field_and_saves_nothing(store, checkin, pokes):
    form = CheckInForm(
        sites=[SiteEntry("femur_left", 11), SiteEntry("elbow_of_nowhere", 3)],
        symptoms=["hiccups"],
        note="n" * 2001,
    )

    result = checkin.submit(form)

    assert not result.saved
    assert set(result.errors) == {"sites.0.score", "sites.1.site", "symptoms.0", "note"}
    assert "0 to 10" in result.errors["sites.0.score"]
    with store.transaction() as connection:
        assert records.newest_first(connection, 10) == []
    assert pokes == []


def test_a_pain_free_check_in_is_saved(checkin):
    assert checkin.submit(CheckInForm()).saved


def test_symptoms_without_a_site_must_be_asked_about_and_a_site_or_no_symptom_need_not():
    assert asks_about_pain(CheckInForm(symptoms=["confusion_drowsiness"]))
    assert not asks_about_pain(CheckInForm())
    assert not asks_about_pain(
        CheckInForm(sites=[SiteEntry("spine_thoracic", 8)], symptoms=["confusion_drowsiness"])
    )
    assert PAIN_QUESTION == "No pain anywhere today?"


def test_symptoms_with_pain_not_rated_are_saved_with_pain_rated_false(store, checkin):
    result = checkin.submit(CheckInForm(symptoms=["thirst"], pain_rated=False))

    body = stored(store, result.record_id).body
    assert result.saved
    assert body["pain_rated"] is False and body["sites"] == [] and body["symptoms"] == ["thirst"]


def test_a_pain_free_check_in_with_symptoms_is_sent_as_older_phones_send_it(store, checkin):
    result = checkin.submit(CheckInForm(symptoms=["thirst"]))

    assert "pain_rated" not in stored(store, result.record_id).body


def test_confusion_with_pain_not_rated_still_raises_the_safety_net(checkin):
    result = checkin.submit(CheckInForm(symptoms=["confusion_drowsiness"], pain_rated=False))

    assert result.safety_net is not None and result.record_id in result.safety_net.record_ids


def test_a_failed_safety_check_still_saves_and_says_so(store, clock):
    def broken(now, saved_id):
        raise RuntimeError("engine bug")

    result = CheckInPresenter(store, clock, broken).submit(a_check_in_with("limb_weakness"))

    assert result.saved
    assert result.safety_check_failed
    assert stored(store, result.record_id) is not None


def test_a_corrected_check_in_keeps_its_id_and_time_and_goes_back_to_the_outbox(
    store, clock, checkin
):
    first = checkin.submit(a_stable_check_in(score=4))
    recorded_at = stored(store, first.record_id).body["recorded_at"]
    clock.advance(hours=2)

    again = checkin.revise(first.record_id, a_stable_check_in(score=5))

    record = stored(store, first.record_id)
    assert again.saved
    assert record.revision == 2
    assert record.body["recorded_at"] == recorded_at
    assert record.body["sites"][0]["score"] == 5


def test_an_earlier_emergency_the_same_day_pops_up_once_then_waits_on_messages(
    store, clock, checkin
):
    first = checkin.submit(a_check_in_with("numbness_saddle"))
    clock.advance(hours=3)

    later = checkin.submit(a_stable_check_in())

    assert first.safety_net is not None
    assert first.safety_net.reasons == (SYMPTOMS["numbness_saddle"],)
    assert later.safety_net is None
    messages = MessagesPresenter(store, lambda: SafetyCheck(store)(aware(clock()))).view()
    assert messages.warning_today is not None
    assert messages.warning_today.startswith("You reported a warning sign today (")
    assert messages.warning_today.endswith("If you cannot reach them, call the emergency services.")


def test_yesterdays_emergency_does_not_raise_todays_safety_net(clock, checkin):
    checkin.submit(a_check_in_with("limb_weakness"))
    clock.advance(days=1)

    assert checkin.submit(a_stable_check_in()).safety_net is None


def test_a_clock_without_a_utc_offset_is_refused(store):
    naive = CheckInPresenter(store, lambda: datetime(2026, 11, 27, 8, 30), SafetyCheck(store))

    with pytest.raises(ValueError, match="aware"):
        naive.submit(a_stable_check_in())


def test_saved_times_keep_the_local_offset(store, checkin):
    result = checkin.submit(a_stable_check_in())

    assert stored(store, result.record_id).body["recorded_at"].endswith("+01:00")

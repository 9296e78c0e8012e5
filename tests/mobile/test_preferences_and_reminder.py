"""Settings without Kivy: reminder time, PIN, when the reminder is due, the call-now list."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mobile.presenters.preferences import PreferencesPresenter, valid_time
from mobile.reminder import next_due
from mobile.safety import call_now, needs_call_now
from mobile.store import clinical
from tests.mobile.builders import PARIS_WINTER


def test_the_reminder_is_the_care_teams_time_until_the_patient_picks_one(store):
    preferences = PreferencesPresenter(store)
    assert preferences.view().reminder_time == "20:00"
    with store.transaction() as connection:
        clinical.replace_settings(connection, {"check_in_reminder": "18:30"})
    assert preferences.view().reminder_time == "18:30"

    assert preferences.set_reminder_time("7:05") is None

    assert preferences.view().reminder_time == "07:05"


@pytest.mark.parametrize("text", ["", "25:00", "noon", "20:60", "2000"])
def test_a_reminder_time_that_is_not_a_time_of_day_is_refused(store, text):
    assert valid_time(text) is None
    assert PreferencesPresenter(store).set_reminder_time(text)


def test_a_pin_is_checked_stored_hashed_and_removable(store):
    preferences = PreferencesPresenter(store)
    assert preferences.check_pin("anything")  # no PIN: always open

    assert preferences.set_pin("12ab")
    assert preferences.set_pin("2468") is None

    assert preferences.view().has_pin
    assert preferences.check_pin("2468")
    assert not preferences.check_pin("1357")
    with store.transaction() as connection:
        stored = connection.execute("SELECT value FROM account WHERE key = 'pin_hash'").fetchone()
    assert "2468" not in stored["value"]
    preferences.set_pin("")
    assert not preferences.view().has_pin


def test_the_reminder_is_due_today_if_the_time_is_ahead_else_tomorrow():
    morning = datetime(2026, 11, 27, 8, 30, tzinfo=PARIS_WINTER)

    assert next_due(morning, "20:00") == morning.replace(hour=20, minute=0)
    assert next_due(morning, "08:30") == morning + timedelta(days=1)
    assert next_due(morning, "07:00") == morning.replace(hour=7, minute=0) + timedelta(days=1)


def test_neurological_signs_seizure_confusion_and_fracture_need_a_call_now():
    for symptom in ("limb_weakness", "numbness_saddle", "cannot_bear_weight", "seizure"):
        assert needs_call_now([symptom])
    assert needs_call_now(["thirst", "confusion_drowsiness"])
    assert not needs_call_now(["thirst", "constipation", "muscle_cramps"])


def test_the_call_now_message_uses_the_last_synced_helpline(store):
    assert call_now(store).helpline is None
    with store.transaction() as connection:
        clinical.replace_settings(
            connection, {"helpline": "+44 20 7946 0000", "call_now_text": "Ring us now."}
        )

    net = call_now(store)

    assert (net.helpline, net.call_now_text) == ("+44 20 7946 0000", "Ring us now.")

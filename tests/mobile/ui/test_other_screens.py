"""Doses, settings (PIN, reminder time, sign-out) and the daily reminder, in a real window."""

from __future__ import annotations

from mobile import outbox
from mobile.reminder import REMINDER_TEXT
from mobile.store import Kind, clinical, records
from tests.mobile.builders import a_stable_check_in
from tests.mobile.ui.conftest import scroll_to, settle

PLAN = [
    {"medication": "oxycodone", "dose": 10, "unit": "mg", "route": "oral", "purpose": "scheduled"},
    {
        "medication": "oxycodone",
        "dose": 5,
        "unit": "mg",
        "route": "oral",
        "purpose": "breakthrough",
    },
]


def with_plan(phone, medications):
    context = {
        "id": "6f1c1c7e-3c55-4a57-9f43-3f6a4d0b8a11",
        "revision": 1,
        "care_team_id": "0b6f3b0e-1c1e-4a57-9f43-3f6a4d0b8a12",
        "time_zone": "Europe/Paris",
        "helpline": "+33 1 00 00 00 00",
        "status": "active",
        "lesions": [],
        "medications": medications,
    }
    with phone.store.transaction() as connection:
        clinical.set_context(connection, context)


def open_screen(shell, phone, name):
    shell.go(name)
    settle(phone)
    return shell.screen(name)


def saved_doses(phone):
    with phone.store.transaction() as connection:
        return [record.body for record in records.since(connection, Kind.DOSE)]


def test_a_planned_medicine_is_one_tap(enrolled_shell, phone, finger):
    with_plan(phone, PLAN)
    doses = open_screen(enrolled_shell, phone, "doses")

    (regular, extra) = reversed(doses.ids.quick.children)
    finger.tap(regular)

    (dose,) = saved_doses(phone)
    assert (dose["medication"], dose["dose"], dose["purpose"]) == ("oxycodone", 10, "scheduled")
    assert doses.status.startswith("Saved")
    assert "Extra" in extra.text


def test_the_breakthrough_button_saves_the_planned_breakthrough_dose(enrolled_shell, phone, finger):
    with_plan(phone, PLAN)
    doses = open_screen(enrolled_shell, phone, "doses")

    finger.tap(doses.ids.breakthrough)

    (dose,) = saved_doses(phone)
    assert (dose["dose"], dose["purpose"]) == (5, "breakthrough")


def test_without_a_plan_breakthrough_opens_free_entry_with_units(enrolled_shell, phone, finger):
    doses = open_screen(enrolled_shell, phone, "doses")

    finger.tap(doses.ids.breakthrough)
    doses.ids.medication.text = "Morphine"
    doses.ids.dose.text = "2.5"
    doses.ids.unit.text = "mg"
    scroll_to(doses.ids.scroll, doses.ids.save_dose)
    finger.tap(doses.ids.save_dose)

    (dose,) = saved_doses(phone)
    assert (dose["medication"], dose["dose"], dose["unit"]) == ("morphine", 2.5, "mg")
    assert dose["purpose"] == "breakthrough"


def test_a_dose_the_shared_rules_refuse_is_not_saved_and_says_why(enrolled_shell, phone, finger):
    doses = open_screen(enrolled_shell, phone, "doses")
    doses.ids.medication.text = "Morphine"
    doses.ids.dose.text = "10"
    doses.ids.unit.text = "ml"
    scroll_to(doses.ids.scroll, doses.ids.save_dose)
    finger.tap(doses.ids.save_dose)

    assert saved_doses(phone) == []
    assert "mg or mcg" in doses.error


def test_a_pin_set_in_settings_is_asked_for_when_the_app_opens(enrolled_shell, phone, finger):
    settings = open_screen(enrolled_shell, phone, "settings")
    settings.ids.pin.text = "2468"
    settings.save_pin()
    settle(phone)

    enrolled_shell.begin()
    settle(phone)
    assert enrolled_shell.current == "lock"
    lock = enrolled_shell.screen("lock")
    lock.ids.pin.text = "1111"
    finger.tap(lock.ids.unlock)
    assert enrolled_shell.current == "lock"
    assert lock.error
    lock.ids.pin.text = "2468"
    finger.tap(lock.ids.unlock)
    assert enrolled_shell.current == "checkin"


def test_sign_out_warns_about_unsent_entries_before_deleting_them(enrolled_shell, phone, finger):
    phone.checkin.submit(a_stable_check_in())
    settings = open_screen(enrolled_shell, phone, "settings")

    finger.tap(settings.ids.sign_out)
    assert settings.unsynced_warning == 1
    assert enrolled_shell.current == "settings"
    scroll_to(settings.ids.scroll, settings.ids.sign_out)
    finger.tap(settings.ids.sign_out)

    assert enrolled_shell.current == "enroll"
    with phone.store.transaction() as connection:
        assert outbox.unsynced_count(connection) == 0


def test_the_daily_reminder_fires_once_when_the_clock_passes_the_chosen_time(
    enrolled_shell, phone, recent_clock
):
    settings = open_screen(enrolled_shell, phone, "settings")
    chosen = (recent_clock.now.replace(second=0)).strftime("%H:%M")
    settings.ids.reminder.text = chosen  # the current minute: next due tomorrow
    settings.save_reminder()
    settle(phone)
    reminder = enrolled_shell.reminder
    assert reminder.at == chosen

    reminder.check()
    assert enrolled_shell.banner == ""

    recent_clock.advance(hours=24)
    reminder.check()
    assert enrolled_shell.banner == REMINDER_TEXT

    enrolled_shell.banner = ""
    recent_clock.advance(minutes=1)
    reminder.check()
    assert enrolled_shell.banner == ""


def test_on_android_the_reminder_is_a_notification_not_a_banner(enrolled_shell, recent_clock):
    sent = []
    reminder = enrolled_shell.reminder
    reminder.notify = lambda title, text: sent.append(text) or True
    reminder.set_time(recent_clock.now.strftime("%H:%M"))

    recent_clock.advance(days=1)
    reminder.check()

    assert sent == [REMINDER_TEXT]
    assert enrolled_shell.banner == ""

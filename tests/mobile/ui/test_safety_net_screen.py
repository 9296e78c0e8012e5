"""The safety net in a real window: ticking a warning sign shows the helpline at once, offline."""

from __future__ import annotations

import pytest

from mobile import outbox
from mobile.presenters import EnrollmentPresenter
from mobile.safety import CALL_NOW_SYMPTOMS
from mobile.ui.checkin import PainQuestion
from mobile.ui.safetynet import SafetyNetView
from mobile.words import SYMPTOMS
from tests.mobile.builders import a_stable_check_in
from tests.mobile.ui.conftest import scroll_to, settle
from tests.mobile.ui.test_could_not_send_screen import labels_under
from tests.mobile.ui.test_other_screens import open_screen

TEAM_HELPLINE = "+44 20 7946 0000"


def open_safety_nets(window):
    return [child for child in window.children if isinstance(child, SafetyNetView)]


def pain_not_rated(finger, window):
    """Save with a sign ticked and no site asks about pain: answer "I did not rate my pain"."""
    (question,) = [child for child in window.children if isinstance(child, PainQuestion)]
    finger.tap(question.ids.not_rated)


@pytest.fixture
def offline_checkin(shell, phone, live_server):
    """Enrolled and synced once (the team's helpline is on the phone), then the network drops."""
    assert EnrollmentPresenter(phone.store, phone._enroll).from_qr(live_server.qr(), "T").enrolled
    phone.sync.run()
    live_server.faults.down = True
    shell.begin()
    settle(phone)
    return shell.screen("checkin")


def symptom_row(screen, code):
    found = next(child for child in screen.ids.symptoms.children if child.code == code)
    scroll_to(screen.ids.scroll, found)
    return found


def unsent(phone):
    with phone.store.transaction() as connection:
        return outbox.pending_count(connection)


@pytest.mark.parametrize("symptom", sorted(CALL_NOW_SYMPTOMS))
def test_ticking_a_warning_sign_shows_the_helpline_before_saving_with_the_network_down(
    offline_checkin, finger, phone, window, symptom
):
    finger.tap(symptom_row(offline_checkin, symptom))

    (shown,) = open_safety_nets(window)
    assert shown.helpline == TEAM_HELPLINE
    assert "Call" in shown.ids.call_now.text or "call" in shown.ids.call_now.text
    # It says which answer raised it, and always ends with the last resort.
    assert shown.ids.reasons.text == f"You ticked: {SYMPTOMS[symptom]}."
    assert shown.ids.last_resort.text == (
        "If you cannot reach them, call the emergency services on 112."
    )
    assert unsent(phone) == 0  # nothing saved yet


def test_a_sign_that_needs_no_call_now_shows_nothing(offline_checkin, finger, window):
    finger.tap(symptom_row(offline_checkin, "constipation"))

    assert open_safety_nets(window) == []


def test_saved_offline_the_check_in_waits_in_the_outbox_and_the_engine_shows_the_net_again(
    offline_checkin, finger, phone, window, live_server
):
    finger.tap(symptom_row(offline_checkin, "limb_weakness"))
    finger.tap(open_safety_nets(window)[0].ids.close)
    pushed_before = len(live_server.faults.sync_bodies)

    finger.tap(offline_checkin.ids.save)
    pain_not_rated(finger, window)

    assert unsent(phone) == 1
    with phone.store.transaction() as connection:
        (waiting,) = outbox.next_batch(connection).reports
    assert waiting["symptoms"] == ["limb_weakness"]
    (shown,) = open_safety_nets(window)
    assert shown.helpline == TEAM_HELPLINE
    assert shown.ids.reasons.text == f"You ticked: {SYMPTOMS['limb_weakness']}."
    # The save poked no request through: the phone's sync runner is not running in this test.
    assert len(live_server.faults.sync_bodies) == pushed_before


def test_an_unrelated_check_in_after_an_emergency_does_not_bring_the_net_back(
    offline_checkin, finger, phone, window, shell
):
    finger.tap(symptom_row(offline_checkin, "limb_weakness"))
    finger.tap(open_safety_nets(window)[0].ids.close)
    finger.tap(offline_checkin.ids.save)
    pain_not_rated(finger, window)
    finger.tap(open_safety_nets(window)[0].ids.close)
    settle(phone)

    hip = phone.checkin.submit(a_stable_check_in(3))

    assert hip.saved and hip.safety_net is None
    assert open_safety_nets(window) == []
    messages = open_screen(shell, phone, "messages")
    settle(phone)
    warning = messages.ids.warning_today
    assert warning.text.startswith("You reported a warning sign today")
    assert SYMPTOMS["limb_weakness"] in warning.text
    assert warning.text.endswith("If you cannot reach them, call the emergency services on 112.")
    # First on the screen, above the helpline, and wrapped to the phone's width.
    texts = [label.text for label in labels_under(messages)]
    assert texts.index(warning.text) < texts.index("Your helpline")
    assert warning.texture_size[0] <= messages.width

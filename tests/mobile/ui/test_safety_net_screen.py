"""The safety net in a real window: ticking a warning sign shows the helpline at once, offline."""

from __future__ import annotations

import pytest

from mobile import outbox
from mobile.presenters import EnrollmentPresenter
from mobile.safety import CALL_NOW_SYMPTOMS
from mobile.ui.safetynet import SafetyNetView
from tests.mobile.ui.conftest import scroll_to, settle

TEAM_HELPLINE = "+44 20 7946 0000"


def open_safety_nets(window):
    return [child for child in window.children if isinstance(child, SafetyNetView)]


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

    assert unsent(phone) == 1
    with phone.store.transaction() as connection:
        (waiting,) = outbox.next_batch(connection).reports
    assert waiting["symptoms"] == ["limb_weakness"]
    (shown,) = open_safety_nets(window)
    assert shown.helpline == TEAM_HELPLINE
    # The save poked no request through: the phone's sync runner is not running in this test.
    assert len(live_server.faults.sync_bodies) == pushed_before

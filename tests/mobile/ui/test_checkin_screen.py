"""The check-in screen in a real window: taps counted, the safety net offline, saving offline."""

from __future__ import annotations

import pytest

from mobile.store import Kind, account, records
from mobile.store.account import Enrollment
from tests.mobile.ui.conftest import settle


def enroll_offline(phone, server="https://painline.invalid"):
    with phone.store.transaction() as connection:
        account.save_enrollment(connection, Enrollment(server, "token", "patient-1", "Test"))


def row(box, code):
    return next(child for child in box.children if child.code == code)


def tap_site(finger, screen, site, view=None):
    finger.tap_at(*screen.ids.body_map.site_centre(site, view))


@pytest.fixture
def checkin(shell, phone):
    enroll_offline(phone)
    shell.begin()
    settle(phone)
    assert shell.current == "checkin"
    return shell.screen("checkin")


def test_two_sites_with_a_score_and_a_quality_each_are_saved_in_seven_taps(checkin, finger, phone):
    tap_site(finger, checkin, "femur_left")
    finger.tap(row(checkin.ids.scores_high, "6"))
    finger.tap(row(checkin.ids.qualities, "aching"))
    tap_site(finger, checkin, "spine_thoracic", "back")
    finger.tap(row(checkin.ids.scores_low, "4"))
    finger.tap(row(checkin.ids.qualities, "sharp"))
    finger.tap(checkin.ids.save)

    assert finger.taps == 7 <= 12
    with phone.store.transaction() as connection:
        (saved,) = records.since(connection, Kind.REPORT)
    assert saved.body["sites"] == [
        {"site": "femur_left", "score": 6, "qualities": ["aching"], "aggravated_by": []},
        {"site": "spine_thoracic", "score": 4, "qualities": ["sharp"], "aggravated_by": []},
    ]
    assert checkin.status.startswith("Saved")
    assert checkin.marked == {}


def test_no_pain_today_is_one_tap(checkin, finger, phone):
    finger.tap(checkin.ids.no_pain)

    assert finger.taps == 1
    with phone.store.transaction() as connection:
        (saved,) = records.since(connection, Kind.REPORT)
    assert saved.body["sites"] == []


def test_a_site_without_a_number_is_not_saved_and_the_screen_says_which(checkin, finger, phone):
    tap_site(finger, checkin, "hip_right")
    finger.tap(checkin.ids.save)

    assert "right hip" in checkin.error
    with phone.store.transaction() as connection:
        assert records.since(connection, Kind.REPORT) == []


def test_the_front_figure_shows_the_patients_right_on_the_left_of_the_screen(checkin):
    body_map = checkin.ids.body_map
    right_x, _ = body_map.site_centre("femur_right", "front")
    left_x, _ = body_map.site_centre("femur_left", "front")
    back_left_x, _ = body_map.site_centre("femur_left", "back")
    back_right_x, _ = body_map.site_centre("femur_right", "back")

    assert right_x < left_x
    assert back_left_x < back_right_x

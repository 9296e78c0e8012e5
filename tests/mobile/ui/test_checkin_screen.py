"""The check-in screen in a real window: taps counted, the safety net offline, saving offline."""

from __future__ import annotations

import pytest

from mobile.store import Kind, account, records
from mobile.store.account import Enrollment
from mobile.ui.checkin import PainQuestion
from mobile.ui.safetynet import SafetyNetView
from tests.mobile.ui.conftest import scroll_to, settle


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


def open_views(window, kind):
    return [child for child in window.children if isinstance(child, kind)]


def tick(finger, screen, symptom):
    found = row(screen.ids.symptoms, symptom)
    scroll_to(screen.ids.scroll, found)
    finger.tap(found)


def saved_reports(phone):
    with phone.store.transaction() as connection:
        return [record.body for record in records.since(connection, Kind.REPORT)]


def shown_whole(widget, window):
    """On the window, its text laid out inside it: what a patient can read."""
    left, bottom = widget.to_window(widget.x, widget.y)
    inside = left >= 0 and bottom >= 0
    inside = (
        inside and left + widget.width <= window.width and bottom + widget.height <= window.height
    )
    return inside and widget.opacity > 0 and 0 < widget.texture_size[1] <= widget.height


def asked(window):
    (question,) = open_views(window, PainQuestion)
    return question


def test_symptoms_without_a_site_ask_whether_there_is_no_pain_anywhere(checkin, finger, window):
    tick(finger, checkin, "thirst")
    finger.tap(checkin.ids.save)

    question = asked(window)
    labels = [question.ids[name] for name in ("question", "why", "pain_free", "not_rated", "back")]
    assert [label.text for label in labels] == [
        "No pain anywhere today?",
        "You ticked how you feel but marked no place on the body map.",
        "Yes, no pain anywhere",
        "I did not rate my pain",
        "Go back and mark where it hurts",
    ]
    assert all(shown_whole(label, window) for label in labels)
    # Read from the top down: the question, then the answers, none over another.
    tops = [label.to_window(label.x, label.top)[1] for label in labels]
    bottoms = [label.to_window(label.x, label.y)[1] for label in labels]
    assert all(bottom >= top for bottom, top in zip(bottoms, tops[1:], strict=False))
    assert saved_reports(checkin.phone) == []  # nothing is saved before the answer


def test_i_did_not_rate_my_pain_saves_the_symptoms_with_pain_not_rated(checkin, finger, window):
    tick(finger, checkin, "thirst")
    finger.tap(checkin.ids.save)
    finger.tap(asked(window).ids.not_rated)

    (saved,) = saved_reports(checkin.phone)
    assert saved["pain_rated"] is False
    assert saved["sites"] == [] and saved["symptoms"] == ["thirst"]
    assert open_views(window, PainQuestion) == []
    assert checkin.status == "Saved: how you feel, with your pain not rated. Thank you."
    assert shown_whole(checkin.ids.status, window)


def test_yes_no_pain_anywhere_saves_a_pain_free_check_in(checkin, finger, window):
    tick(finger, checkin, "constipation")
    finger.tap(checkin.ids.save)
    finger.tap(asked(window).ids.pain_free)

    (saved,) = saved_reports(checkin.phone)
    assert "pain_rated" not in saved and saved["sites"] == []
    assert saved["symptoms"] == ["constipation"]
    assert checkin.status == "Saved: no pain today. Thank you."


def test_go_back_saves_nothing_and_keeps_what_was_ticked(checkin, finger, window):
    tick(finger, checkin, "thirst")
    finger.tap(checkin.ids.save)
    finger.tap(asked(window).ids.back)

    assert open_views(window, PainQuestion) == []
    assert saved_reports(checkin.phone) == []
    assert checkin.symptoms == ["thirst"]


def test_a_site_with_a_score_is_saved_without_the_question(checkin, finger, window):
    tap_site(finger, checkin, "spine_thoracic", "back")
    finger.tap(row(checkin.ids.scores_high, "8"))
    tick(finger, checkin, "thirst")
    finger.tap(checkin.ids.save)

    assert open_views(window, PainQuestion) == []
    (saved,) = saved_reports(checkin.phone)
    assert saved["sites"][0]["score"] == 8 and "pain_rated" not in saved


def test_confusion_alone_not_rated_is_saved_and_the_safety_net_shows_again(checkin, finger, window):
    # Issue 18: only "confused or very drowsy" ticked, no site.
    tick(finger, checkin, "confusion_drowsiness")
    finger.tap(open_views(window, SafetyNetView)[0].ids.close)
    finger.tap(checkin.ids.save)
    finger.tap(asked(window).ids.not_rated)

    (saved,) = saved_reports(checkin.phone)
    assert saved["pain_rated"] is False and saved["symptoms"] == ["confusion_drowsiness"]
    assert open_views(window, SafetyNetView)

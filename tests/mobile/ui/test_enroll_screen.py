"""Enrollment in a real window against the real server, then a check-in that reaches it."""

from __future__ import annotations

from tests.mobile.ui.conftest import settle
from tests.mobile.ui.test_checkin_screen import row, tap_site


def paste(finger, field, text):
    finger.tap(field)  # focus, then paste: one tap
    field.text = text


def test_enroll_with_the_qr_text_then_a_two_site_check_in_reaches_the_server(
    shell, phone, finger, live_server
):
    enroll = shell.screen("enroll")
    assert shell.current == "enroll"

    paste(finger, enroll.ids.qr, live_server.qr())
    finger.tap(enroll.ids.connect_qr)
    settle(phone)

    assert shell.current == "checkin"
    assert finger.taps == 2
    finger.taps = 0
    checkin = shell.screen("checkin")
    tap_site(finger, checkin, "hip_left")
    finger.tap(row(checkin.ids.scores_high, "7"))
    finger.tap(row(checkin.ids.qualities, "throbbing"))
    tap_site(finger, checkin, "spine_lumbar", "back")
    finger.tap(row(checkin.ids.scores_low, "3"))
    finger.tap(row(checkin.ids.qualities, "aching"))
    finger.tap(checkin.ids.save)
    assert finger.taps <= 12

    phone.sync.run()

    (pushed,) = live_server.stored_report_ids()
    (report,) = [r for body in live_server.faults.sync_bodies for r in body["reports"]]
    assert report["id"] == pushed
    assert [(s["site"], s["score"]) for s in report["sites"]] == [
        ("hip_left", 7),
        ("spine_lumbar", 3),
    ]


def test_a_wrong_code_typed_by_hand_is_shown_under_the_code(shell, phone, finger, live_server):
    enroll = shell.screen("enroll")
    paste(finger, enroll.ids.server, live_server.url)
    paste(finger, enroll.ids.code, "WRONG-CODE")
    finger.tap(enroll.ids.connect_fields)
    settle(phone)

    assert shell.current == "enroll"
    assert "code" in enroll.errors
    assert not phone.enrollment.is_enrolled()


def test_a_server_without_https_is_refused_before_any_request(shell, phone, finger):
    enroll = shell.screen("enroll")
    paste(finger, enroll.ids.server, "http://painline.example")
    paste(finger, enroll.ids.code, "K7M2-Q9TX")
    finger.tap(enroll.ids.connect_fields)
    settle(phone)

    assert "https" in enroll.errors["server"]

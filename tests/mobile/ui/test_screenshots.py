"""Each screen at 360 x 640 (and the check-in on a tablet), with a patient's real-looking data.

The data goes through the real paths: the care team's plan, helpline and a radiotherapy course
are entered on the live server and pulled by sync; check-ins are saved by the presenters over
three weeks. The images are written to a temporary folder; with PAINLINE_UPDATE_SCREENSHOTS=1
they replace `docs/screenshots/phone-<screen>.png`, which the README shows.
"""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import timedelta
from pathlib import Path

import requests

from mobile.presenters import CheckInForm, DoseForm, EnrollmentPresenter, SiteEntry
from mobile.sync import SyncOutcome, SyncResult
from tests.conftest import ROOT
from tests.mobile.builders import a_treatment
from tests.mobile.ui.conftest import TABLET_SIZE, scroll_to, settle
from tests.mobile.ui.test_checkin_screen import row, tap_site

SCREENSHOTS = ROOT / "docs" / "screenshots"
PLAN = [
    {"medication": "oxycodone", "dose": 10, "unit": "mg", "route": "oral", "purpose": "scheduled"},
    {
        "medication": "oxycodone",
        "dose": 5,
        "unit": "mg",
        "route": "oral",
        "purpose": "breakthrough",
    },
    {"medication": "pregabalin", "dose": 75, "unit": "mg", "route": "oral", "purpose": "scheduled"},
]


def as_clinician(live_server, method, path, body=None):
    response = requests.request(
        method,
        f"{live_server.url}/api/v1/patients/{live_server.patient_id}{path}",
        json=body,
        headers={"Authorization": f"Bearer {live_server.clinician_token}"},
        timeout=10,
    )
    assert response.status_code in (200, 201), response.text
    return response.json()


def care_team_sets_up(live_server, today):
    from server.extensions import db
    from server.models import CareTeam

    patient = as_clinician(live_server, "GET", "")
    with live_server.app.app_context():
        team = db.session.get(CareTeam, uuid.UUID(patient["care_team_id"]))
        team.out_of_hours_text = "Evenings and weekends: call the acute oncology line, 24 hours."
        db.session.commit()
    as_clinician(
        live_server,
        "PUT",
        "/context",
        {
            "id": live_server.patient_id,
            "revision": 2,
            "care_team_id": patient["care_team_id"],
            "time_zone": "Europe/Paris",
            "helpline": "+44 20 7946 0000",
            "status": "active",
            "lesions": [],
            "medications": [{**item, "since": "2026-01-05", "until": None} for item in PLAN],
        },
    )
    day = (today - timedelta(days=12)).isoformat()
    as_clinician(
        live_server,
        "POST",
        "/treatments",
        a_treatment(started_on=day, ended_on=day, sites=["femur_left"]),
    )


def three_weeks_of_check_ins(phone, clock):
    start = clock.now
    clock.now = start - timedelta(days=21)
    for day in range(21):
        thigh = 7 if day < 9 else (8 if day < 11 else max(2, 7 - (day - 11) // 2))
        back = 2 + day // 6
        phone.checkin.submit(
            CheckInForm(
                sites=[
                    SiteEntry("femur_left", thigh, ["aching"], ["weight_bearing"]),
                    SiteEntry("spine_lumbar", back, ["aching"]),
                ]
            )
        )
        if day % 3 == 0:
            phone.doses.submit(DoseForm("oxycodone", 5, "mg", "oral", "breakthrough"))
        clock.advance(days=1)
    clock.now = start


def save(window, tmp_path, name):
    written = Path(window.screenshot(name=str(tmp_path / f"phone-{name}.png")))
    # A blank or single-colour window compresses to a few hundred bytes.
    assert written.stat().st_size > 8000, f"{name}: the screenshot is nearly blank"
    if os.environ.get("PAINLINE_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(written, SCREENSHOTS / f"phone-{name}.png")


def show(shell, phone, name):
    shell.go(name)
    settle(phone)
    settle(phone)


def test_screenshots_of_every_screen(
    shell, phone, window, finger, live_server, recent_clock, tmp_path
):
    save(window, tmp_path, "enroll")

    today = recent_clock.now.date()
    care_team_sets_up(live_server, today)
    assert EnrollmentPresenter(phone.store, phone._enroll).from_qr(live_server.qr(), "T").enrolled
    three_weeks_of_check_ins(phone, recent_clock)
    phone.checkin.submit(
        CheckInForm(sites=[SiteEntry("spine_thoracic", 5)], symptoms=["limb_weakness"])
    )
    recent_clock.advance(days=3)  # a phone clock three days fast: the server refuses this one
    phone.checkin.submit(CheckInForm(sites=[SiteEntry("tibia_right", 2)]))
    recent_clock.advance(days=-3)
    outcome = phone.sync.run()
    phone.checkin.submit(CheckInForm(sites=[SiteEntry("femur_left", 3, ["aching"])]))
    shell.begin()
    settle(phone)
    shell.on_sync_result(SyncResult(outcome=SyncOutcome(0, 0, 0, pending=1)))
    settle(phone)

    checkin = shell.screen("checkin")
    tap_site(finger, checkin, "femur_left")
    finger.tap(row(checkin.ids.scores_high, "6"))
    finger.tap(row(checkin.ids.qualities, "aching"))
    tap_site(finger, checkin, "spine_thoracic", "back")
    finger.tap(row(checkin.ids.scores_low, "4"))
    save(window, tmp_path, "checkin")
    assert (outcome.acknowledged, outcome.rejected) == (29, 1)

    scroll_to(checkin.ids.scroll, symptom := checkin.ids.symptoms.children[-1])
    finger.tap(symptom)
    save(window, tmp_path, "safety-net")
    shell.safety_view.dismiss(animation=False)
    settle(phone)

    for name in ("doses", "history", "messages", "settings"):
        show(shell, phone, name)
        save(window, tmp_path, name)

    # The offscreen window keeps its first size, so the tablet layout renders off the window.
    window.remove_widget(shell)
    shell.size_hint = (None, None)
    shell.size = TABLET_SIZE
    show(shell, phone, "checkin")
    tablet = tmp_path / "phone-checkin-tablet.png"
    shell.export_to_png(str(tablet))
    assert tablet.stat().st_size > 8000
    if os.environ.get("PAINLINE_UPDATE_SCREENSHOTS") == "1":
        shutil.copy(tablet, SCREENSHOTS / tablet.name)
    window.add_widget(shell)

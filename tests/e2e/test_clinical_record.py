"""The clinical record in a real browser: who the patient is, who did what on an alert, the
patient's own words and the team's notes, all read from the page after a reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from server.extensions import db
from server.models import Patient
from tests.e2e.patients import build_ward
from tests.e2e.screenshots import screenshot_folder
from tests.e2e.signing_in import sign_in, sign_in_admin
from tests.server.sync.pushes import days_ago, push
from tests.shared.builders import report_wire, site
from tests.support.builders import World

pytestmark = pytest.mark.browser

LONG_NOTE = (
    "Woke at 3am, legs wobbly. "
    + "I had to hold the rail on the stairs. " * 5
    + "Now tingling in both feet."
)


def patient_page(page: Page, base_url: str, patient_id: object) -> None:
    page.goto(f"{base_url}/patients/{patient_id}")


def test_every_action_on_an_alert_shows_with_its_author_after_a_reload(
    page: Page, live_server, world: World, api, tmp_path: Path
):
    ward = build_ward(api, world)
    me = world.clinician_a.email
    sign_in(page, live_server.url, me)
    patient_page(page, live_server.url, ward.emergency.id)

    emergency = page.locator("article.alert.tier-emergency")
    emergency.get_by_role("textbox", name="Note").first.fill("Called patient 02:10, advised ED")
    emergency.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text("Alert acknowledged.")).to_be_visible()
    emergency.get_by_role("textbox", name="Comment").fill("ED confirms arrival.")
    emergency.get_by_role("button", name="Add comment").click()
    expect(page.get_by_text("Comment added.")).to_be_visible()
    emergency.get_by_role("textbox", name="Note").fill("MRI booked")
    emergency.get_by_label("Outcome").select_option("actioned")
    emergency.get_by_role("button", name="Resolve").click()
    expect(page.get_by_text("Alert resolved.")).to_be_visible()
    page.reload()

    entries = page.locator("article.alert.tier-emergency ol.thread li")
    expect(entries).to_have_count(3)
    texts = [entries.nth(n).inner_text() for n in range(3)]
    assert texts[0].startswith(f"Acknowledged by {me}") and "Called patient 02:10" in texts[0]
    assert texts[1].startswith(f"Comment by {me}") and "ED confirms arrival." in texts[1]
    assert texts[2].startswith(f"Resolved by {me}") and "MRI booked" in texts[2]
    page.set_viewport_size({"width": 1100, "height": 800})
    shot = screenshot_folder(tmp_path) / "dashboard-alert-thread.png"
    page.locator("article.alert.tier-emergency").screenshot(path=str(shot))


def test_a_patient_enrolled_with_a_hospital_number_shows_it_in_the_header(
    page: Page, live_server, world: World
):
    sign_in(page, live_server.url, world.clinician_a.email)
    page.goto(f"{live_server.url}/patients/new")
    page.get_by_label("Name as the team knows them").fill("J. Smith")
    page.get_by_label("Hospital number (MRN)").fill("RX1234567")
    page.get_by_label("Date of birth").fill("1951-03-09")
    page.get_by_label("Sex").select_option("female")
    page.get_by_role("button", name="Enrol and show the code").click()
    expect(page.get_by_role("heading", name="J. Smith")).to_be_visible()

    patient_id = db.session.scalars(select(Patient.id).where(Patient.mrn == "RX1234567")).one()
    patient_page(page, live_server.url, patient_id)

    head = page.locator(".patient-head .identifiers")
    expect(head).to_contain_text("MRN RX1234567")
    expect(head).to_contain_text("born 09 Mar 1951 (age ")
    expect(head).to_contain_text("female")


def test_enrolment_without_a_hospital_number_is_refused_in_words(
    page: Page, live_server, world: World
):
    before = db.session.scalar(select(func.count()).select_from(Patient))
    sign_in(page, live_server.url, world.clinician_a.email)
    page.goto(f"{live_server.url}/patients/new")
    page.get_by_label("Name as the team knows them").fill("No Number")
    # The browser's own check is bypassed: the server must refuse on its own.
    page.locator('input[name="mrn"]').evaluate("input => input.removeAttribute('required')")
    page.get_by_role("button", name="Enrol and show the code").click()

    expect(page.locator("#enrolment-mrn-error")).to_contain_text(
        "write the patient's hospital number (MRN)"
    )
    assert db.session.scalar(select(func.count()).select_from(Patient)) == before


def test_a_patient_without_a_hospital_number_says_so_in_red(page: Page, live_server, world: World):
    sign_in(page, live_server.url, world.clinician_a.email)
    patient_page(page, live_server.url, world.patient_a.id)

    missing = page.locator(".patient-head .no-mrn")
    expect(missing).to_have_text("no MRN")
    assert missing.evaluate("el => getComputedStyle(el).color") == "rgb(185, 28, 28)"


def test_the_identifiers_are_corrected_on_the_patient_page(page: Page, live_server, world: World):
    sign_in(page, live_server.url, world.clinician_a.email)
    patient_page(page, live_server.url, world.patient_a.id)

    identity = page.locator("#identity")
    identity.get_by_label("Hospital number (MRN)").fill("RX999")
    identity.get_by_label("Date of birth").fill("1949-12-24")
    identity.get_by_role("button", name="Save identifiers").click()
    expect(page.get_by_text("Patient details saved.")).to_be_visible()
    page.reload()

    expect(page.locator(".patient-head .identifiers")).to_contain_text("MRN RX999")
    expect(page.locator(".patient-head .identifiers")).to_contain_text("born 24 Dec 1949")


def test_a_future_birth_date_is_refused_and_the_record_stays(page: Page, live_server, world: World):
    sign_in(page, live_server.url, world.clinician_a.email)
    patient_page(page, live_server.url, world.patient_a.id)

    identity = page.locator("#identity")
    identity.get_by_label("Hospital number (MRN)").fill("RX999")
    date_field = identity.get_by_label("Date of birth")
    date_field.evaluate("input => input.removeAttribute('max')")
    date_field.fill("2999-01-01")
    identity.get_by_role("button", name="Save identifiers").click()

    expect(identity.locator("#identity-birth-date-error")).to_contain_text(
        "The date of birth is in the future."
    )
    expect(identity.get_by_label("Hospital number (MRN)")).to_have_value("RX999")
    db.session.expire_all()
    patient = db.session.get(Patient, world.patient_a.id)
    assert (patient.mrn, patient.birth_date) == (None, None)


def test_the_patients_words_and_the_teams_notes_are_on_the_page(
    page: Page, live_server, world: World, api
):
    report = report_wire(days_ago(0), site("spine_lumbar", 6), hour=0, minute=5)
    report["note"] = LONG_NOTE
    assert push(api, "device_a", reports=[report]).status_code == 200
    sign_in(page, live_server.url, world.clinician_a.email)
    patient_page(page, live_server.url, world.patient_a.id)

    note = page.locator("#reports blockquote.report-note")
    expect(note).to_contain_text("Woke at 3am, legs wobbly.")
    rest = note.locator(".note-rest")
    expect(rest).to_be_hidden()
    note.get_by_text("more").click()
    expect(rest).to_be_visible()
    expect(rest).to_contain_text("Now tingling in both feet.")

    page.get_by_label("New note").fill("Phoned, family aware, hospice referral")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Note saved.")).to_be_visible()
    page.reload()

    saved = page.locator("#notes ol.patient-notes li").first
    expect(saved).to_contain_text(world.clinician_a.email)
    expect(saved).to_contain_text("Phoned, family aware, hospice referral")


def test_a_clinic_whose_patients_may_lack_an_mrn_enrols_without_one(
    page: Page, live_server, world: World, browser
):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in_admin(page, live_server.url, world.admin.email, world.admin.totp_secret)
    page.goto(f"{live_server.url}/admin/teams")
    page.get_by_label("Patients may be enrolled without a hospital number (MRN)").check()
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Patients may now be enrolled without a hospital number.")
    ).to_be_visible()
    page.reload()
    expect(
        page.get_by_label("Patients may be enrolled without a hospital number (MRN)")
    ).to_be_checked()

    clinician = browser.new_page()
    sign_in(clinician, live_server.url, world.clinician_a.email)
    clinician.goto(f"{live_server.url}/patients/new")
    expect(clinician.get_by_text("optional in this clinic")).to_be_visible()
    clinician.get_by_label("Name as the team knows them").fill("No Number Yet")
    clinician.get_by_role("button", name="Enrol and show the code").click()
    expect(clinician.get_by_role("heading", name="No Number Yet")).to_be_visible()
    created = db.session.scalars(
        select(Patient).where(Patient.display_name == "No Number Yet")
    ).one()
    assert created.mrn is None
    clinician.close()


def test_a_taken_hospital_number_keeps_the_form_as_typed_and_says_why(
    page: Page, live_server, world: World
):
    patient = db.session.get(Patient, world.patient_a.id)
    patient.mrn = "RX1234567"
    db.session.commit()
    before = db.session.scalar(select(func.count()).select_from(Patient))
    sign_in(page, live_server.url, world.clinician_a.email)
    page.goto(f"{live_server.url}/patients/new")
    page.get_by_label("Name as the team knows them").fill("J. Smith")
    page.get_by_label("Hospital number (MRN)").fill("RX1234567")
    page.get_by_label("Date of birth").fill("1951-03-09")
    page.get_by_role("button", name="Enrol and show the code").click()

    expect(page.locator("#enrolment-mrn-error")).to_contain_text(
        "Another patient of this clinic already has this hospital number"
    )
    expect(page.get_by_label("Name as the team knows them")).to_have_value("J. Smith")
    expect(page.get_by_label("Hospital number (MRN)")).to_have_value("RX1234567")
    expect(page.get_by_label("Date of birth")).to_have_value("1951-03-09")
    assert db.session.scalar(select(func.count()).select_from(Patient)) == before


def test_correcting_to_a_taken_hospital_number_says_so_and_changes_nothing(
    page: Page, live_server, world: World
):
    other = db.session.get(Patient, world.patient_b.id)
    other.mrn = "RX1234567"
    db.session.commit()
    sign_in(page, live_server.url, world.clinician_a.email)
    patient_page(page, live_server.url, world.patient_a.id)

    identity = page.locator("#identity")
    identity.get_by_label("Hospital number (MRN)").fill("RX1234567")
    identity.get_by_role("button", name="Save identifiers").click()

    identity = page.locator("#identity")
    expect(identity.locator("#identity-mrn-error")).to_contain_text(
        "already has this hospital number (mrn)"
    )
    expect(identity.get_by_label("Hospital number (MRN)")).to_have_value("RX1234567")
    db.session.expire_all()
    assert db.session.get(Patient, world.patient_a.id).mrn is None

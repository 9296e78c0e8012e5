"""The patient page's forms in a real browser: one bad field keeps everything typed, with the
error next to that field and nothing stored; the zone picker; snoozes ended early; sites by
checkbox; the favicon."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from server.extensions import db
from server.models import Alert, CareTeam, Patient, Snooze, Treatment
from tests.e2e.signing_in import sign_in, sign_in_admin
from tests.e2e.test_accessibility import serious_violations
from tests.server.api.alerting import thoracic_pain_history
from tests.server.sync.pushes import push
from tests.shared.builders import report_wire, site
from tests.support.builders import World

pytestmark = pytest.mark.browser

MARS = (
    "Time zone: 'Mars/Olympus' is not a known time zone; choose one from the list, "
    "such as Europe/London."
)


def open_patient(page: Page, base_url: str, patient_id: object) -> None:
    page.goto(f"{base_url}/patients/{patient_id}")


def stored_patient(world: World) -> Patient:
    db.session.expire_all()
    return db.session.get(Patient, world.patient_a.id)


def test_a_bad_time_zone_keeps_the_context_as_typed_with_the_error_by_the_field(
    page: Page, live_server, world: World
):
    zone_before = stored_patient(world).time_zone
    sign_in(page, live_server.url, world.clinician_a.email)
    open_patient(page, live_server.url, world.patient_a.id)
    context = page.locator("#context")
    context.get_by_label("Time zone").fill("Mars/Olympus")
    context.get_by_label("Helpline").fill("+44 20 7946 1234")
    context.get_by_label("Site").select_option("femur_left")
    context.get_by_label("Type").select_option("lytic")

    context.get_by_role("button", name="Save details").click()

    page.wait_for_url("**/context#context")
    context = page.locator("#context")
    zone = context.get_by_label("Time zone")
    expect(context.locator("#context-time-zone-error")).to_have_text(MARS)
    expect(zone).to_have_accessible_description(MARS)
    expect(zone).to_have_value("Mars/Olympus")
    expect(context.get_by_label("Helpline")).to_have_value("+44 20 7946 1234")
    expect(context.get_by_label("Site").first).to_have_value("femur_left")
    expect(context.get_by_label("Type").first).to_have_value("lytic")
    expect(context.get_by_role("alert")).to_contain_text("nothing was saved")
    expect(page.get_by_text("The context does not fit this patient")).to_have_count(0)
    assert serious_violations(page) == []
    patient = stored_patient(world)
    assert (patient.helpline, patient.lesions, patient.time_zone) == ("", [], zone_before)


def test_a_medicine_without_since_keeps_the_lesion_entered_with_it(
    page: Page, live_server, world: World
):
    sign_in(page, live_server.url, world.clinician_a.email)
    open_patient(page, live_server.url, world.patient_a.id)
    context = page.locator("#context")
    context.get_by_label("Helpline").fill("+44 20 7946 1234")
    context.get_by_label("Site").select_option("spine_thoracic")
    context.get_by_label("Medicine").select_option("morphine")
    context.get_by_label("Dose").fill("10")
    context.get_by_label("Unit").select_option("mg")

    context.get_by_role("button", name="Save details").click()

    context = page.locator("#context")
    since = context.get_by_label("Since").first
    expect(context.locator("#context-med-since-0-error")).to_have_text("Since is required.")
    expect(since).to_have_accessible_description("Since is required.")
    expect(since).to_have_attribute("aria-invalid", "true")
    expect(context.get_by_label("Medicine").first).to_have_value("morphine")
    expect(context.get_by_label("Dose").first).to_have_value("10")
    expect(context.get_by_label("Site").first).to_have_value("spine_thoracic")
    assert (stored_patient(world).lesions, stored_patient(world).medications) == ([], [])

    since.first.fill("2026-11-01")
    context.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Patient details saved.")).to_be_visible()
    assert [lesion["site"] for lesion in stored_patient(world).lesions] == ["spine_thoracic"]


def test_an_unknown_time_zone_at_enrolment_keeps_what_was_typed(
    page: Page, live_server, world: World
):
    before = db.session.scalar(select(func.count()).select_from(Patient))
    sign_in(page, live_server.url, world.clinician_a.email)
    page.goto(f"{live_server.url}/patients/new")
    page.get_by_label("Name as the team knows them").fill("J. Smith")
    page.get_by_label("Hospital number (MRN)").fill("RX7654321")
    page.get_by_label("Time zone").fill("Mars/Olympus")

    page.get_by_role("button", name="Enrol and show the code").click()

    expect(page.locator("#enrolment-time-zone-error")).to_have_text(MARS)
    expect(page.get_by_label("Time zone")).to_have_value("Mars/Olympus")
    expect(page.get_by_label("Name as the team knows them")).to_have_value("J. Smith")
    expect(page.get_by_label("Hospital number (MRN)")).to_have_value("RX7654321")
    assert db.session.scalar(select(func.count()).select_from(Patient)) == before


def test_the_time_zone_picker_lists_zones_with_their_offset_now(
    page: Page, live_server, world: World
):
    sign_in(page, live_server.url, world.clinician_a.email)
    open_patient(page, live_server.url, world.patient_a.id)

    offset = datetime.now(UTC).astimezone(ZoneInfo("Europe/London")).strftime("%z")
    london = f"Europe/London (UTC{offset[:3]}:{offset[3:]})"
    zones = page.locator("datalist#time-zones")
    expect(page.locator("#context").get_by_label("Time zone")).to_have_attribute(
        "list", "time-zones"
    )
    expect(zones.locator('option[value="Europe/London"]')).to_have_text(london)
    expect(zones.locator('option[value="Etc/GMT-1"]')).to_have_text("UTC+1 (fixed offset)")
    expect(zones.locator('option[value="Etc/GMT+5"]')).to_have_text("UTC-5 (fixed offset)")


def test_a_radiotherapy_course_is_added_with_site_checkboxes_after_one_refusal(
    page: Page, live_server, world: World
):
    before = set(db.session.scalars(select(Treatment.id)))
    sign_in(page, live_server.url, world.clinician_a.email)
    open_patient(page, live_server.url, world.patient_a.id)
    form = page.locator("#treatments form.treatment-form")
    form.get_by_label("Kind").select_option("radiotherapy")
    legs = form.get_by_role("group", name="Left leg")
    legs.get_by_role("checkbox", name="left thigh (femur)").check()
    form.get_by_role("group", name="Pelvis").get_by_role("checkbox", name="pelvis").check()
    form.get_by_label("Started").fill("2026-11-02")
    form.get_by_label("Dose (Gy)").fill("8")

    form.get_by_role("button", name="Add treatment").click()

    form = page.locator("#treatments form.treatment-form")
    expect(page.locator("#treatment-ended-on-error")).to_have_text(
        "Ended: a radiotherapy course needs ended_on (the planned last day)."
    )
    expect(form.get_by_role("checkbox", name="left thigh (femur)")).to_be_checked()
    expect(form.get_by_role("checkbox", name="pelvis")).to_be_checked()
    expect(form.get_by_role("checkbox", name="right thigh (femur)")).not_to_be_checked()
    expect(form.get_by_label("Started")).to_have_value("2026-11-02")
    expect(form.get_by_label("Dose (Gy)")).to_have_value("8")
    assert set(db.session.scalars(select(Treatment.id))) == before

    form.get_by_label("Ended").fill("2026-11-02")
    form.get_by_role("button", name="Add treatment").click()
    expect(page.get_by_text("Treatment added.")).to_be_visible()
    (added,) = db.session.scalars(select(Treatment).where(Treatment.id.not_in(before)))
    assert sorted(added.sites) == ["femur_left", "pelvis"]


def test_a_snooze_without_a_reason_keeps_its_rule_and_days(page: Page, live_server, world: World):
    sign_in(page, live_server.url, world.clinician_a.email)
    open_patient(page, live_server.url, world.patient_a.id)
    snoozes = page.locator("#snoozes")
    snoozes.get_by_label("Rule").select_option("persistent_focal_pain")
    snoozes.get_by_label("Days").fill("3")
    snoozes.get_by_label("Reason").fill("   ")

    snoozes.get_by_role("button", name="Snooze", exact=True).click()

    snoozes = page.locator("#snoozes")
    expect(snoozes.locator("#snooze-reason-error")).to_have_text(
        "Reason: a snooze needs a reason (for example, a known deficit)."
    )
    expect(snoozes.get_by_label("Rule")).to_have_value("persistent_focal_pain")
    expect(snoozes.get_by_label("Days")).to_have_value("3")
    assert db.session.scalars(select(Snooze)).all() == []


def thoracic_pain_at(moment: datetime) -> dict:
    return report_wire(
        moment.date(), site("spine_thoracic", 6), hour=moment.hour, minute=moment.minute
    )


def test_a_snooze_ended_early_shows_after_a_reload_and_the_rule_alerts_again(
    page: Page, live_server, world: World, api
):
    sign_in(page, live_server.url, world.clinician_a.email)
    open_patient(page, live_server.url, world.patient_a.id)
    snoozes = page.locator("#snoozes")
    snoozes.get_by_label("Rule").select_option("spinal_pain_red_flag")
    snoozes.get_by_label("Reason").fill("Known thoracic deficit")
    snoozes.get_by_role("button", name="Snooze", exact=True).click()
    expect(page.get_by_text("Snoozed for 7 days.")).to_be_visible()
    soon = datetime.now(UTC) + timedelta(minutes=5)
    held_back = [*thoracic_pain_history()[:-1], thoracic_pain_at(soon)]
    assert push(api, "device_a", reports=held_back).status_code == 200
    assert db.session.scalars(select(Alert)).all() == []

    page.locator("#snoozes").get_by_role("button", name="End snooze now").click()
    expect(page.get_by_text("Snooze ended: the rule alerts again from now.")).to_be_visible()
    page.reload()

    expect(page.locator("#snoozes")).to_contain_text("No rule is snoozed.")
    expect(page.get_by_role("button", name="End snooze now")).to_have_count(0)
    (row,) = db.session.scalars(select(Snooze)).all()
    db.session.refresh(row)
    assert row.until <= datetime.now(UTC)
    again = push(api, "device_a", reports=[thoracic_pain_at(soon + timedelta(minutes=1))])
    assert again.status_code == 200
    page.reload()
    expect(page.locator("article.alert", has_text="Spinal pain red flag")).to_have_count(1)


def test_a_bad_emergency_number_keeps_the_teams_phone_settings_as_typed(
    page: Page, live_server, world: World
):
    sign_in_admin(page, live_server.url, world.admin.email, world.admin.totp_secret)
    page.goto(f"{live_server.url}/admin/teams/{world.team_a.id}")
    page.get_by_label('"Call now" text').fill("Call the night nurse now.")
    page.get_by_label("Emergency number").fill("9")

    page.get_by_role("button", name="Save phone settings").click()

    expect(page.locator("#settings-emergency-number-error")).to_have_text(
        "Emergency number: the emergency number is 2 to 8 digits, such as 999, 112 or 911."
    )
    expect(page.get_by_label("Emergency number")).to_have_value("9")
    expect(page.get_by_label('"Call now" text')).to_have_value("Call the night nurse now.")
    db.session.expire_all()
    assert db.session.get(CareTeam, world.team_a.id).call_now_text != "Call the night nurse now."


def test_the_dashboard_has_its_own_favicon(page: Page, live_server, world: World):
    sign_in(page, live_server.url, world.clinician_a.email)
    linked = page.locator('link[rel="icon"]').get_attribute("href")

    icon = page.request.get(f"{live_server.url}{linked}")
    asked = page.request.get(f"{live_server.url}/favicon.ico")

    assert (icon.status, asked.status) == (200, 200)
    assert asked.headers["content-type"].startswith("image/svg+xml")

"""A clinician's shift in a real browser: sign in, triage, open the emergency, act on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from server.delivery.fanout import dispatch_events
from server.extensions import db
from server.models import Alert, AuditEvent
from server.models.base import utcnow
from tests.e2e.patients import FEMUR_SCORES, OXYCODONE_MG, TODAY, build_ward
from tests.e2e.screenshots import screenshot_folder
from tests.e2e.signing_in import sign_in
from tests.server.api.alerting import limb_weakness_today
from tests.server.delivery.builders import with_channels, with_escalation_contact
from tests.server.sync.pushes import days_ago, push
from tests.support.builders import World

pytestmark = pytest.mark.browser


def test_a_clinician_triages_and_resolves_the_emergency(
    page: Page, live_server, world: World, api, tmp_path: Path
):
    shots = screenshot_folder(tmp_path)
    # An alert-ready team, as a clinic runs it (no "reaches nobody" banner in the pictures).
    with_channels(db.session, world.team_a)
    with_escalation_contact(db.session, world.team_a, world.clinician_b)
    ward = build_ward(api, world)
    patient_id = str(ward.emergency.id)
    page.set_viewport_size({"width": 1280, "height": 900})

    sign_in(page, live_server.url, world.clinician_a.email)

    rows = page.locator("table.worklist tbody tr")
    expect(rows.first).to_have_attribute("data-patient-id", patient_id)
    expect(rows.first).to_have_attribute("data-tier", "emergency")
    expect(rows.nth(1)).to_have_attribute("data-patient-id", str(ward.urgent.id))
    expect(page.locator(f'tr[data-patient-id="{ward.quiet.id}"]')).to_contain_text("not reporting")
    page.screenshot(path=str(shots / "dashboard-worklist.png"), full_page=True)

    rows.first.get_by_role("link").click()
    page.wait_for_url(f"**/patients/{patient_id}")

    scores = page.locator("#body-map [data-site]")
    seen = {
        scores.nth(n).get_attribute("data-site"): scores.nth(n).get_attribute("data-score")
        for n in range(scores.count())
    }
    assert seen == {site: str(TODAY.get(site, 0)) for site in seen}
    assert len(seen) == 22
    femur = {
        point.get_attribute("data-day"): int(point.get_attribute("data-value"))
        for point in page.locator('#chart [data-series="femur_left"]').all()
    }
    expected = {
        days_ago(n).isoformat(): s for n, s in zip(range(6, 0, -1), FEMUR_SCORES, strict=True)
    }
    assert femur == {**expected, days_ago(0).isoformat(): TODAY["femur_left"]}
    ome = {
        bar.get_attribute("data-day"): bar.get_attribute("data-ome")
        for bar in page.locator("#chart [data-ome]").all()
    }
    assert ome == {days_ago(n).isoformat(): f"{OXYCODONE_MG * 1.5:g}" for n in (2, 1)}
    page.screenshot(path=str(shots / "dashboard-patient.png"), full_page=False)

    emergency = page.locator("article.alert.tier-emergency")
    emergency.get_by_role("textbox", name="Note").first.fill("Called the patient; ambulance.")
    emergency.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text("Alert acknowledged.")).to_be_visible()
    emergency = page.locator("article.alert.tier-emergency")
    expect(emergency).to_have_attribute("data-status", "acknowledged")
    emergency.get_by_role("textbox", name="Note").fill("MRI booked, MSCC pathway.")
    emergency.get_by_label("Outcome").select_option("actioned")
    emergency.get_by_role("button", name="Resolve").click()
    expect(page.get_by_text("Alert resolved.")).to_be_visible()

    alert = db.session.scalars(
        select(Alert).where(Alert.patient_id == ward.emergency.id, Alert.tier == "emergency")
    ).one()
    db.session.refresh(alert)
    assert (alert.status, alert.outcome) == ("resolved", "actioned")
    assert [(n.action.value, n.text) for n in alert.notes] == [
        ("acknowledged", "Called the patient; ambulance."),
        ("resolved", "MRI booked, MSCC pathway."),
    ]
    audit = db.session.scalars(
        select(AuditEvent).where(AuditEvent.user_id == world.clinician_a.id).order_by(AuditEvent.at)
    ).all()
    actions = [(event.action, event.method, event.status) for event in audit]
    assert ("dashboard.worklist", "GET", 200) in actions
    assert ("dashboard.patient", "GET", 200) in actions
    assert ("dashboard.alerts.acknowledge", "POST", 303) in actions
    assert ("dashboard.alerts.resolve", "POST", 303) in actions
    listed = next(event for event in audit if event.action == "dashboard.worklist")
    assert {patient_id, str(ward.urgent.id), str(ward.quiet.id)} <= set(listed.patient_ids)
    writes = [event for event in audit if event.method == "POST"]
    assert all(event.patient_ids == [patient_id] for event in writes)


def test_a_new_alert_appears_on_an_open_worklist_without_a_reload(
    page: Page, live_server, world: World, api
):
    ward = build_ward(api, world)
    sign_in(page, live_server.url, world.clinician_a.email)
    expect(page.locator("#worklist-live")).to_have_attribute("data-stream", "open")
    page.evaluate("window.stillTheSamePage = true")

    raised = push(api, ward.urgent_device, reports=[limb_weakness_today()])
    assert raised.status_code == 200
    dispatch_events(db.session, utcnow())

    row = page.locator(f'tr.new[data-patient-id="{ward.urgent.id}"]')
    expect(row).to_have_attribute("data-tier", "emergency", timeout=15_000)
    expect(page.locator("#live-notice")).to_contain_text("New emergency alert")
    assert page.evaluate("window.stillTheSamePage") is True


def test_a_form_post_without_its_csrf_token_is_refused(page: Page, live_server, world: World, api):
    ward = build_ward(api, world)
    sign_in(page, live_server.url, world.clinician_a.email)
    alert = db.session.scalars(select(Alert).where(Alert.patient_id == ward.emergency.id)).first()
    url = f"{live_server.url}/patients/{ward.emergency.id}/alerts/{alert.id}/acknowledge"

    refused = page.request.post(url, form={"note": "forged"}, max_redirects=0)
    forged = page.request.post(
        url, form={"note": "forged", "csrf_token": "x" * 43}, max_redirects=0
    )

    assert (refused.status, forged.status) == (400, 400)
    db.session.refresh(alert)
    assert alert.status == "open"


def test_a_clinician_of_another_team_gets_404_for_the_patient(
    page: Page, live_server, world: World, api
):
    ward = build_ward(api, world)
    sign_in(page, live_server.url, world.clinician_b.email)

    response = page.goto(f"{live_server.url}/patients/{ward.emergency.id}")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    expect(page.get_by_text(ward.emergency.display_name, exact=True)).to_have_count(0)
    expect(page.locator("table.worklist")).to_have_count(0)

"""The worklist in a real browser: a clinician finds a patient by name or MRN with the search
box, and reads a patient's check-in note on their row."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from server.delivery.fanout import dispatch_events
from server.extensions import db
from server.models.base import utcnow
from tests.e2e.signing_in import sign_in
from tests.server.api.alerting import limb_weakness_today
from tests.server.dashboard.check_ins import check_in
from tests.server.sync.pushes import push
from tests.support.builders import World, a_patient

pytestmark = pytest.mark.browser


def a_ward(world: World) -> dict[str, str]:
    ids = {}
    for name, mrn in (("Jane Smith", "RX1234"), ("John Smithers", "RX9000"), ("Rex Toye", "ZZ1")):
        patient = a_patient(db.session, world.team_a, name)
        patient.mrn = mrn
        ids[name] = str(patient.id)
    db.session.commit()
    return ids


def search(page: Page, typed: str) -> None:
    page.get_by_label("Name or MRN").fill(typed)
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(rf"[?&]q={typed}(&|$)"))


def shown_names(page: Page) -> list[str]:
    return page.locator("table.worklist tbody tr th a").all_inner_texts()


def test_a_clinician_finds_patients_by_name_and_by_mrn(page: Page, live_server, world: World):
    ids = a_ward(world)
    sign_in(page, live_server.url, world.clinician_a.email)
    expect(page.locator("table.worklist tbody tr")).to_have_count(4)

    search(page, "smith")

    expect(page.locator("#search-state")).to_contain_text("whose name holds “smith”")
    assert sorted(shown_names(page)) == ["Jane Smith", "John Smithers"]
    expect(page.get_by_label("Name or MRN")).to_have_value("smith")

    search(page, "rx12")

    expect(page.locator("table.worklist tbody tr")).to_have_count(1)
    row = page.locator(f'tr[data-patient-id="{ids["Jane Smith"]}"]')
    expect(row).to_contain_text("MRN RX1234")
    assert shown_names(page) == ["Jane Smith"]

    page.get_by_role("link", name="Clear the search").click()
    expect(page.locator("table.worklist tbody tr")).to_have_count(4)


def test_a_patients_check_in_note_shows_on_their_row(page: Page, live_server, world: World, api):
    note = "Pain woke me at 3am, worse than last week.\nTook the rescue dose."
    assert push(api, reports=[check_in(4, note)]).status_code == 200
    sign_in(page, live_server.url, world.clinician_a.email)

    row = page.locator(f'tr[data-patient-id="{world.patient_a.id}"]')
    icon = row.get_by_role("img", name="Latest check-in note")

    expect(icon).to_be_visible()
    expect(row.locator(".check-in-note")).to_contain_text(
        "Pain woke me at 3am, worse than last week."
    )
    expect(row).not_to_contain_text("rescue dose")


def test_a_live_update_keeps_the_search(page: Page, live_server, world: World, api):
    a_ward(world)
    sign_in(page, live_server.url, world.clinician_a.email)
    search(page, "patient")
    expect(page.locator("#worklist-live")).to_have_attribute("data-stream", "open")

    assert push(api, reports=[limb_weakness_today()]).status_code == 200
    dispatch_events(db.session, utcnow())

    row = page.locator(f'tr.new[data-patient-id="{world.patient_a.id}"]')
    expect(row).to_have_attribute("data-tier", "emergency", timeout=15_000)
    assert shown_names(page) == ["Patient A"]
    expect(page.locator("#search-state")).to_contain_text("“patient”")

"""The patient page on paper (Chromium's print media) and its PDF summary button."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.signing_in import sign_in
from tests.server.dashboard.recorded_patient import (
    ALERT_NOTE,
    BIRTH_DATE,
    MRN,
    TREATMENT,
    record_patient_a,
)
from tests.support.builders import World
from tests.support.pdf import read_pdf, text_of

pytestmark = pytest.mark.browser


def test_the_printout_shows_what_the_page_keeps_in_forms_and_who_printed_it(
    page: Page, live_server, world: World, api
):
    recorded = record_patient_a(api, world)
    sign_in(page, live_server.url, world.clinician_a.email)
    page.goto(f"{live_server.url}/patients/{recorded.patient.id}")
    expect(page.locator(".print-footer")).to_be_hidden()

    page.emulate_media(media="print")

    head = page.locator(".patient-head")
    for words in (recorded.patient.display_name, f"MRN {MRN}", f"{BIRTH_DATE:%d %b %Y}"):
        expect(head).to_contain_text(words)
    expect(head).to_contain_text(world.team_a.name)
    expect(page.locator("ul.treatment-list")).to_contain_text(TREATMENT)
    expect(page.locator("table.lesions")).to_contain_text("lytic")
    expect(page.locator("table.medication-plan")).to_contain_text("pregabalin")
    thread = page.locator("article.alert.tier-emergency ol.thread")
    expect(thread).to_be_visible()
    expect(thread).to_contain_text(ALERT_NOTE)
    footer = page.locator(".print-footer")
    expect(footer).to_be_visible()
    expect(footer).to_contain_text(f"by {world.clinician_a.email}")
    expect(footer).to_contain_text("Printed ")
    expect(page.locator("main form").first).to_be_hidden()
    expect(page.get_by_role("link", name="PDF summary")).to_be_hidden()


def test_the_pdf_summary_button_downloads_the_summary_of_the_charted_period(
    page: Page, live_server, world: World, api, tmp_path
):
    recorded = record_patient_a(api, world)
    sign_in(page, live_server.url, world.clinician_a.email)
    page.goto(f"{live_server.url}/patients/{recorded.patient.id}?days=90")

    with page.expect_download() as started:
        page.get_by_role("link", name="PDF summary").click()

    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    assert saved.name.startswith("visit-summary-") and saved.suffix == ".pdf"
    text = text_of(read_pdf(saved.read_bytes()))
    assert "Visit summary of the last 90 days" in text
    assert recorded.latest_note in text

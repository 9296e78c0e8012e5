"""Accessibility, layout and print: keyboard-only work, axe-core's checks, no sideways scroll at
laptop and tablet sizes, and a patient page that prints without the dashboard around it."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.patients import build_ward
from tests.e2e.signing_in import sign_in
from tests.support.builders import PASSWORD, World

pytestmark = pytest.mark.browser

SERIOUS = ("serious", "critical")
VIEWPORTS = [(1280, 800), (768, 1024)]


def tab_to(page: Page, matches: str, limit: int = 120) -> None:
    """Press Tab until the focused element satisfies the JS predicate `matches(el)`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(({matches}))(document.activeElement)"):
            return
    raise AssertionError(f"no focusable element matched {matches} after {limit} tabs")


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def test_a_clinician_acknowledges_an_alert_with_the_keyboard_alone(
    page: Page, live_server, world: World, api
):
    ward = build_ward(api, world)
    page.goto(f"{live_server.url}/login")
    tab_to(page, "el => el.name === 'email'")
    page.keyboard.type(world.clinician_a.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")

    patient_link = f"el => el.matches('tr[data-patient-id=\"{ward.emergency.id}\"] a')"
    tab_to(page, patient_link)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/patients/{ward.emergency.id}")

    tab_to(page, "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Acknowledge'")
    alert = page.locator("article.alert").filter(has=page.locator(":focus"))
    alert_id = alert.get_attribute("data-alert-id")
    page.keyboard.press("Enter")

    expect(page.locator(".flash")).to_have_text("Alert acknowledged.")
    expect(page.locator(f'article[data-alert-id="{alert_id}"]')).to_have_attribute(
        "data-status", "acknowledged"
    )


def test_axe_finds_nothing_serious_on_the_worklist_and_the_patient_page(
    page: Page, live_server, world: World, api
):
    ward = build_ward(api, world)
    sign_in(page, live_server.url, world.clinician_a.email)
    expect(page.locator("table.worklist tbody tr").first).to_be_visible()
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/patients/{ward.emergency.id}")
    assert serious_violations(page) == []


def test_every_form_control_has_a_label(page: Page, live_server, world: World, api):
    ward = build_ward(api, world)
    sign_in(page, live_server.url, world.clinician_a.email)
    for url in (
        "/",
        f"/patients/{ward.emergency.id}",
        f"/patients/{ward.emergency.id}/break-glass",
    ):
        page.goto(f"{live_server.url}{url}")
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                 .filter(el => !el.labels.length && !el.getAttribute('aria-label'))
                 .map(el => el.name)"""
        )
        assert unlabelled == [], url


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_no_page_scrolls_sideways(page: Page, live_server, world: World, api, width, height):
    ward = build_ward(api, world)
    page.set_viewport_size({"width": width, "height": height})
    sign_in(page, live_server.url, world.clinician_a.email)
    for url in ("/", f"/patients/{ward.emergency.id}"):
        page.goto(f"{live_server.url}{url}")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} at {width}x{height} scrolls {overflow}px sideways"


def test_the_patient_page_prints_without_the_dashboard_around_it(
    page: Page, live_server, world: World, api, tmp_path
):
    ward = build_ward(api, world)
    sign_in(page, live_server.url, world.clinician_a.email)
    page.goto(f"{live_server.url}/patients/{ward.emergency.id}")

    page.emulate_media(media="print")
    expect(page.locator("header.top")).to_be_hidden()
    expect(page.locator("main form").first).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text(ward.emergency.display_name)
    expect(page.locator("#body-map svg")).to_be_visible()
    expect(page.locator("#chart svg.pain-chart")).to_be_visible()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0

    pdf = page.pdf(format="A4", print_background=True, path=str(tmp_path / "patient.pdf"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000

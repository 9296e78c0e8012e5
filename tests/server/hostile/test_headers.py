"""One header policy on every response: no framing, no sniffing, no inline script, no caching of
anything that holds patient data; the static assets stay cacheable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.dashboard.svg.shades import BANDS, NO_DATA
from tests.conftest import ROOT, dispose, make_app
from tests.server.dashboard.conftest import Dashboard
from tests.server.sync.pushes import push

CSS = ROOT / "server/dashboard/static/dashboard.css"
TEMPLATES = ROOT / "server/dashboard/templates"


def assert_policy(response) -> None:
    policy = response.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_dashboard_pages_carry_the_policy_and_are_never_cached(client, world):
    dashboard = Dashboard(client, world)
    for url in ("/", f"/patients/{world.patient_a.id}", "/login"):
        response = dashboard.get(url)
        assert response.status_code in (200, 302), url
        assert_policy(response)
        assert response.headers["Cache-Control"] == "no-store", url


def test_api_answers_with_patient_data_are_never_cached(api, world):
    for response in (
        api.get("/api/v1/patients", "clinician_a"),
        api.get(f"/api/v1/patients/{world.patient_a.id}", "clinician_a"),
        push(api, reports=[]),
        api.get("/api/v1/patients"),
    ):
        assert_policy(response)
        assert response.headers["Cache-Control"] == "no-store"


def test_static_assets_stay_cacheable(client):
    with client.get("/dashboard/static/dashboard.css") as response:
        assert response.status_code == 200
        assert response.headers.get("Cache-Control") != "no-store"
        assert_policy(response)


def health_headers(url: str, environ: dict[str, str]):
    app = make_app(url, ENVIRON=environ)
    try:
        return app.test_client().get("/healthz").headers
    finally:
        with app.app_context():
            dispose(app)


def test_hsts_is_sent_in_production_only(postgres_url):
    production = {
        "PAINLINE_ENV": "production",
        "PAINLINE_SECRET_KEY": "x" * 40,
        "PAINLINE_BASE_URL": "https://painline.example.org",
        "PAINLINE_TRUSTED_PROXIES": "1",
    }

    assert "Strict-Transport-Security" not in health_headers(postgres_url, {})
    hsts = health_headers(postgres_url, production)["Strict-Transport-Security"]
    assert hsts.startswith("max-age=31536000")


def test_templates_hold_no_inline_script_or_style_that_the_policy_would_block():
    inline = re.compile(r"<script(?![^>]*\bsrc=)|\son[a-z]+=|\sstyle=|<style|javascript:", re.I)
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted(TEMPLATES.rglob("*.html"))
        if inline.search(path.read_text())
    ]

    assert offenders == []


@pytest.mark.parametrize(
    ("css_class", "colour"),
    [("swatch-none", NO_DATA)]
    + [(f"swatch-{low}", band[1]) for low, band in zip((0, 1, 4, 7), BANDS, strict=True)],
)
def test_the_legend_swatches_are_the_body_maps_shades(css_class, colour):
    css = Path(CSS).read_text()

    assert re.search(rf"\.{css_class} {{ background: {colour}; }}", css)

"""The PDF visit summary from the patient page: what it says, what it draws, and who read it."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import select
from weasyprint import HTML

from server.dashboard.summary_pdf import refuse
from server.dashboard.svg.shades import SERIES_COLOURS, shade
from server.models import Alert, AuditEvent
from server.models.base import utcnow
from tests.server.dashboard.recorded_patient import (
    BIRTH_DATE,
    FEMUR_SCORES,
    MRN,
    OXYCODONE_DAYS,
    TREATMENT,
    record_patient_a,
)
from tests.support.builders import a_patient
from tests.support.pdf import is_a4, painted, read_pdf, rgb, text_of

# svg.pain-chart .ome in dashboard.css.
OME_BAR = rgb("#64748b")
README_PICTURE = Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "summary-pdf"


def download(dashboard, patient, query: str = "") -> bytes:
    response = dashboard.get(f"/patients/{patient.id}/summary.pdf{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    return bytes(response.data)


def summary_of(dashboard, patient, query: str = ""):
    return read_pdf(download(dashboard, patient, query))


def test_the_summary_names_the_patient_their_treatment_and_latest_note(api, dashboard, world):
    recorded = record_patient_a(api, world)

    pdf = summary_of(dashboard, recorded.patient)

    text = text_of(pdf)
    assert f"MRN {MRN}" in text
    assert f"born {BIRTH_DATE:%d %b %Y}" in text
    assert TREATMENT in text
    assert recorded.latest_note in text
    assert f"by {world.clinician_a.email}" in text
    assert len(pdf.pages) in (1, 2)
    assert all(is_a4(page) for page in pdf.pages)


def test_the_body_map_and_the_chart_are_vector_drawings_in_the_colours_of_the_data(
    api, dashboard, world, tmp_path
):
    recorded = record_patient_a(api, world)

    data = download(dashboard, recorded.patient)

    pdf = read_pdf(data)

    paint = painted(pdf, pdf.pages[0])
    # Every site of the body map is a filled and outlined shape: the femur at today's 7/10,
    # the 21 other sites at 0.
    assert paint[("fill+stroke", rgb(shade(7)))] == 1
    assert paint[("fill+stroke", rgb(shade(0)))] == 21
    # The femur's line, a dot for each of its 7 days, and a bar for each day of oxycodone.
    series = rgb(SERIES_COLOURS[0])
    assert paint[("stroke", series)] == 1
    assert paint[("fill+stroke", series)] == len(FEMUR_SCORES) + 1
    assert paint[("fill", OME_BAR)] == len(OXYCODONE_DAYS)
    picture_of_the_first_page(data, tmp_path)


def picture_of_the_first_page(data: bytes, tmp_path: Path) -> None:
    """The README's picture of the PDF, rewritten only on request (PAINLINE_UPDATE_SCREENSHOTS=1)"""
    if os.environ.get("PAINLINE_UPDATE_SCREENSHOTS") != "1" or not shutil.which("pdftoppm"):
        return
    source = tmp_path / "summary.pdf"
    source.write_bytes(data)
    command = ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, str(source), str(README_PICTURE)], check=True)


def test_a_90_day_summary_charts_90_days_and_other_ranges_chart_30(api, dashboard, world):
    recorded = record_patient_a(api, world)

    ninety = text_of(summary_of(dashboard, recorded.patient, "?days=90"))
    other = text_of(summary_of(dashboard, recorded.patient, "?days=45"))

    assert "Visit summary of the last 90 days" in ninety
    assert "Pain, last 90 days" in ninety
    assert "Visit summary of the last 30 days" in other


def test_alerts_resolved_in_the_period_show_their_outcome_and_thread(
    api, dashboard, world, db_session
):
    recorded = record_patient_a(api, world)
    emergency = db_session.scalars(select(Alert).where(Alert.tier == "emergency")).one()
    resolved = api.post(
        f"/api/v1/alerts/{emergency.id}/resolve",
        "clinician_a",
        json={"note": "Cord compression excluded on MRI.", "outcome": "actioned"},
    )
    assert resolved.status_code == 200, resolved.get_json()

    text = text_of(summary_of(dashboard, recorded.patient))

    resolved_part = text.split("Resolved in the last 30 days", 1)[1]
    assert "Possible spinal cord compression" in resolved_part
    assert "outcome: Actioned" in resolved_part
    assert "Called the patient; MRI booked today." in resolved_part
    assert "Cord compression excluded on MRI." in resolved_part


def test_an_alert_resolved_before_the_period_is_left_out(api, dashboard, world, db_session):
    recorded = record_patient_a(api, world)
    emergency = db_session.scalars(select(Alert).where(Alert.tier == "emergency")).one()
    api.post(
        f"/api/v1/alerts/{emergency.id}/resolve",
        "clinician_a",
        json={"note": "Seen in clinic.", "outcome": "actioned"},
    )
    db_session.expire_all()
    emergency.resolved_at = utcnow() - timedelta(days=40)
    db_session.commit()

    thirty = text_of(summary_of(dashboard, recorded.patient))
    ninety = text_of(summary_of(dashboard, recorded.patient, "?days=90"))

    assert "Possible spinal cord compression" not in thirty
    assert "Possible spinal cord compression" in ninety


def test_a_patient_with_no_data_gets_a_page_that_says_so(dashboard, world, db_session):
    newcomer = a_patient(db_session, world.team_a, name="Nell Newcomer")
    db_session.commit()

    pdf = summary_of(dashboard, newcomer)

    text = text_of(pdf)
    assert "Nell Newcomer" in text
    assert "no MRN" in text
    assert "Nothing is recorded for this patient yet" in text
    assert len(pdf.pages) == 1


def test_a_note_written_as_html_is_printed_as_its_text(api, dashboard, world):
    markup = '<img src="http://127.0.0.1:9/tracker.png"> <b>bold?</b>'
    url = f"/api/v1/patients/{world.patient_a.id}/notes"
    assert api.post(url, "clinician_a", json={"text": markup}).status_code == 201

    text = text_of(summary_of(dashboard, world.patient_a))

    assert '<img src="http://127.0.0.1:9/tracker.png">' in text


def test_weasyprint_asks_for_no_url_it_is_given():
    asked: list[str] = []

    class Listener(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    here = f"http://127.0.0.1:{server.server_port}"
    html = f'<link rel="stylesheet" href="{here}/a.css"><img src="{here}/b.png"><p>text</p>'
    try:
        pdf = HTML(string=html, url_fetcher=refuse).write_pdf()
    finally:
        server.shutdown()
        server.server_close()

    assert pdf.startswith(b"%PDF-")
    assert asked == []


def test_the_download_is_an_attachment_under_the_security_headers(dashboard, world):
    response = dashboard.get(f"/patients/{world.patient_a.id}/summary.pdf")

    assert response.headers["Content-Disposition"].startswith('attachment; filename="visit-summary')
    assert "object-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_every_download_is_audited_with_the_patient(dashboard, world, db_session):
    dashboard.get(f"/patients/{world.patient_a.id}/summary.pdf?days=90")

    action = AuditEvent.action == "dashboard.summary_pdf"
    (row,) = db_session.scalars(select(AuditEvent).where(action))
    assert row.patient_ids == [str(world.patient_a.id)]
    assert (row.method, row.status, row.user_id) == ("GET", 200, world.clinician_a.id)
    assert row.path.endswith("?days=90")

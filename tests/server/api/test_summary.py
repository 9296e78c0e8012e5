"""`GET /api/v1/patients/<id>/summary.pdf`: the visit summary by token, for scripts and records."""

from __future__ import annotations

from sqlalchemy import select

from server.models import AuditEvent
from tests.server.dashboard.recorded_patient import MRN, record_patient_a
from tests.support.pdf import is_a4, read_pdf, text_of


def summary_url(patient) -> str:
    return f"/api/v1/patients/{patient.id}/summary.pdf"


def test_a_clinician_downloads_the_summary_with_a_token(api, world):
    recorded = record_patient_a(api, world)

    response = api.get(summary_url(recorded.patient), "clinician_a", query_string={"days": 90})

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    pdf = read_pdf(response.data)
    assert MRN in text_of(pdf)
    assert "last 90 days" in text_of(pdf)
    assert len(pdf.pages) in (1, 2) and is_a4(pdf.pages[0])


def test_a_period_other_than_30_or_90_days_is_refused_in_a_sentence(api, world):
    response = api.get(summary_url(world.patient_a), "clinician_a", query_string={"days": 45})

    assert response.status_code == 422
    errors = response.get_json()["errors"]["query"]["days"]
    assert errors == ["A summary covers the last 30 or the last 90 days."]


def test_another_teams_patient_is_not_found(api, world):
    response = api.get(summary_url(world.patient_a), "clinician_b")

    assert response.status_code == 404
    assert response.mimetype == "application/json"


def test_the_download_is_audited_with_the_patient(api, world, db_session):
    api.get(summary_url(world.patient_a), "clinician_a")

    action = AuditEvent.action == "patients.summary_pdf"
    (row,) = db_session.scalars(select(AuditEvent).where(action))
    assert row.patient_ids == [str(world.patient_a.id)]
    assert (row.status, row.user_id) == (200, world.clinician_a.id)


def test_the_spec_describes_a_pdf_answer(client):
    spec = client.get("/openapi.json").get_json()

    operation = spec["paths"]["/api/v1/patients/{patient_id}/summary.pdf"]["get"]
    content = operation["responses"]["200"]["content"]
    assert content == {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
    assert {"401", "403", "404", "422"} <= set(operation["responses"])

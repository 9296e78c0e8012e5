"""A note stored with a lone surrogate (before the wire format refused one) still shows."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from tests.server.dashboard.conftest import Dashboard
from tests.server.sync.pushes import a_report, push


# PostgreSQL never could store a lone surrogate; SQLite kept it in the JSON text as an escape.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_stored_note_with_a_lone_surrogate_is_shown_with_a_replacement_mark(
    client, world, db_session
):
    report = a_report(0, note="legs wobbly")
    assert push(client_api(client, world), reports=[report]).status_code == 200
    broken = '{"note": "legs \\ud800 wobbly"}'
    db_session.execute(
        text("UPDATE pain_reports SET body = json_patch(body, :broken) WHERE id = :id"),
        {"broken": broken, "id": uuid.UUID(report["id"]).hex},
    )
    db_session.commit()
    dashboard = Dashboard(client, world)

    record = dashboard.get(f"/patients/{world.patient_a.id}/records/{report['id']}")
    patient = dashboard.get(f"/patients/{world.patient_a.id}")

    assert record.status_code == 200
    assert "legs \ufffd wobbly" in record.get_data(as_text=True)
    assert patient.status_code == 200


def client_api(client, world):
    from tests.server.conftest import Api

    return Api(client, world)

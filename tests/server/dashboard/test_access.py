"""Dashboard pages reach only the clinician's care teams' patients; admins see no patient data."""

from __future__ import annotations

from sqlalchemy import select

from server.models import AuditEvent
from tests.server.dashboard.conftest import Dashboard


def test_another_teams_patient_is_not_found(client, world):
    other = Dashboard(client, world, "clinician_b")

    response = other.get(f"/patients/{world.patient_a.id}")

    assert response.status_code == 404
    assert world.patient_a.display_name not in response.get_data(as_text=True)


def test_the_worklist_lists_only_the_clinicians_teams(client, world):
    page = Dashboard(client, world, "clinician_b").get("/").get_data(as_text=True)

    assert world.patient_b.display_name in page
    assert world.patient_a.display_name not in page


def test_an_admin_signed_in_sees_no_patient_data(client, world):
    admin = Dashboard(client, world, "admin")

    home = admin.get("/")
    assert (home.status_code, home.headers["Location"]) == (303, "/admin/users")
    users = admin.get("/admin/users").get_data(as_text=True)
    assert world.clinician_a.email in users
    assert world.patient_a.display_name not in users
    assert admin.get(f"/patients/{world.patient_a.id}").status_code == 403


def test_every_patient_page_view_is_audited_with_the_patient(dashboard, world, db_session):
    dashboard.get(f"/patients/{world.patient_a.id}?days=90")

    (row,) = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "dashboard.patient"))
    assert row.patient_ids == [str(world.patient_a.id)]
    assert (row.method, row.status, row.user_id) == ("GET", 200, world.clinician_a.id)


def test_a_refused_page_view_is_audited_too(client, world, db_session):
    Dashboard(client, world, "clinician_b").get(f"/patients/{world.patient_a.id}")

    (row,) = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "dashboard.patient"))
    assert (row.status, row.user_id) == (404, world.clinician_b.id)


def test_an_alert_of_another_patient_cannot_be_acted_on_through_this_patients_url(
    api, client, world, db_session
):
    from server.models import Alert
    from tests.server.api.alerting import raise_emergency_alert

    raise_emergency_alert(api, "device_b")
    alert = db_session.scalars(select(Alert).where(Alert.patient_id == world.patient_b.id)).one()
    mine = Dashboard(client, world, "clinician_a")

    response = mine.post(f"/patients/{world.patient_a.id}/alerts/{alert.id}/acknowledge")

    assert response.status_code == 404
    db_session.refresh(alert)
    assert alert.status == "open"

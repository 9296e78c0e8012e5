import re
import uuid

import pytest
from sqlalchemy import create_engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from server.models import AuditEvent, Patient
from tests.server.access_matrix import MADE_RECORDS, MATRIX, Target
from tests.server.api.alerting import ALERTS, alerts, raise_urgent_alert
from tests.server.sync.pushes import a_report, push
from tests.support.builders import a_patient

URL_PARAMETER = re.compile(r"<uuid:(?P<name>\w+)>")
# Every clinician route on patient data: one patient's routes, the patient list, the alerts.
PATIENT_DATA_ROUTES = [
    route for route in MATRIX if route.rule.startswith(("/api/v1/patients", "/api/v1/alerts"))
]


def audit_rows(db_session):
    db_session.expire_all()
    return db_session.scalars(select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id)).all()


def audit_count(db_session):
    return db_session.scalar(select(func.count()).select_from(AuditEvent))


def test_reading_a_patient_records_who_which_patient_what_when_and_where(api, world, db_session):
    api.get(f"/api/v1/patients/{world.patient_a.id}", as_="clinician_a")

    (row,) = audit_rows(db_session)
    assert (row.user_id, row.clinic_id, row.role) == (
        world.clinician_a.id,
        world.clinic.id,
        "clinician",
    )
    assert row.patient_ids == [str(world.patient_a.id)]
    assert (row.method, row.route, row.action) == (
        "GET",
        "/api/v1/patients/<uuid:patient_id>",
        "patients.read",
    )
    assert row.path == f"/api/v1/patients/{world.patient_a.id}"
    assert (row.address, row.status) == ("127.0.0.1", 200)
    assert row.at is not None


def test_the_patient_list_records_the_patients_it_showed(api, world, db_session):
    other = a_patient(db_session, world.team_a, "Zoe Later")
    db_session.commit()

    api.get("/api/v1/patients", as_="clinician_a", query_string={"page_size": 1})
    api.get("/api/v1/patients", as_="clinician_a", query_string={"page": 2, "page_size": 1})

    first_page, second_page = audit_rows(db_session)
    assert first_page.patient_ids == [str(world.patient_a.id)]
    assert second_page.patient_ids == [str(other.id)]
    assert first_page.path == "/api/v1/patients?page_size=1"


def test_a_search_is_audited_without_the_words_searched_for(api, world, db_session):
    patient = db_session.get(Patient, world.patient_a.id)
    patient.mrn = "RX5550123"
    db_session.commit()

    found = api.get(
        "/api/v1/patients", as_="clinician_a", query_string={"q": "rx555", "page_size": 5}
    )

    assert [p["id"] for p in found.get_json()] == [str(world.patient_a.id)]
    (row,) = audit_rows(db_session)
    assert row.path == "/api/v1/patients?page_size=5&q=…"
    assert row.patient_ids == [str(world.patient_a.id)]


def test_the_alert_worklist_records_the_patients_of_the_alerts_shown(api, world, db_session):
    raise_urgent_alert(api)
    raise_urgent_alert(api, as_="device_b")

    alerts(api, as_="clinician_a")

    (row,) = audit_rows(db_session)
    assert (row.action, row.patient_ids) == ("alerts.list", [str(world.patient_a.id)])


def test_acknowledging_and_resolving_record_the_alerts_patient(api, world, db_session):
    raise_urgent_alert(api)
    alert_id = alerts(api)[0]["id"]

    api.post(f"{ALERTS}/{alert_id}/acknowledge", as_="clinician_a", json={})
    api.post(
        f"{ALERTS}/{alert_id}/resolve",
        as_="clinician_a",
        json={"note": "Seen.", "outcome": "actioned"},
    )

    _, acknowledged, resolved = audit_rows(db_session)
    assert [(row.action, row.status) for row in (acknowledged, resolved)] == [
        ("alerts.acknowledge", 200),
        ("alerts.resolve", 200),
    ]
    assert acknowledged.patient_ids == resolved.patient_ids == [str(world.patient_a.id)]


def test_a_refused_request_records_the_patient_it_asked_for(api, world, db_session):
    response = api.get(f"/api/v1/patients/{world.patient_a.id}", as_="clinician_b")

    (row,) = audit_rows(db_session)
    assert response.status_code == 404
    assert (row.user_id, row.status) == (world.clinician_b.id, 404)
    assert row.patient_ids == [str(world.patient_a.id)]


def test_a_failed_write_records_its_status_and_stores_nothing_else(api, world, db_session):
    response = api.post(
        f"/api/v1/patients/{world.patient_a.id}/snoozes",
        as_="clinician_a",
        json={"rule": "mscc_neuro_red_flag", "until": "2099-01-01T00:00:00Z", "reason": "x"},
    )

    (row,) = audit_rows(db_session)
    assert (response.status_code, row.status, row.action) == (422, 422, "snoozes.create")


def test_phones_admins_and_strangers_leave_no_audit_rows(api, world, db_session):
    push(api, reports=[a_report(1)])
    api.get(f"/api/v1/patients/{world.patient_a.id}", as_="admin")
    api.get(f"/api/v1/patients/{world.patient_a.id}", as_="device_a")
    api.get(f"/api/v1/patients/{world.patient_a.id}")

    assert audit_rows(db_session) == []


def url_of(api, world, rule):
    """Patient A's URL for the rule, with A's treatment, phone or a freshly raised alert."""

    def value(match):
        name = match["name"]
        if name in MADE_RECORDS:
            return MADE_RECORDS[name](api, world.a)
        records = {"patient_id": world.a.patient, "treatment_id": world.a.treatment}
        return str(records.get(name, world.a.device).id)

    return URL_PARAMETER.sub(value, rule)


@pytest.mark.parametrize(
    "route", PATIENT_DATA_ROUTES, ids=[f"{r.method} {r.rule}" for r in PATIENT_DATA_ROUTES]
)
def test_each_clinician_route_on_patient_data_writes_one_audit_row(api, world, db_session, route):
    url = url_of(api, world, route.rule)
    body = route.body(Target(world.a, world.a)) if route.body else None
    before = audit_count(db_session)

    response = api.call(route.method, url, "clinician_a", json=body)

    assert 200 <= response.status_code < 300, response.get_data(as_text=True)
    rows = [row for row in audit_rows(db_session) if row.route == route.rule]
    assert audit_count(db_session) == before + 1
    (row,) = rows[-1:]
    assert (row.method, row.status, row.user_id) == (
        route.method,
        response.status_code,
        world.clinician_a.id,
    )
    if route.rule == "/api/v1/patients" and route.method == "POST":
        assert row.patient_ids == [response.get_json()["patient"]["id"]]
    elif route.rule != "/api/v1/alerts":
        assert row.patient_ids == [str(world.patient_a.id)]


def test_postgresql_refuses_to_update_or_delete_audit_rows(postgres_url):
    engine = create_engine(postgres_url)
    row = {
        "clinic_id": uuid.uuid4(),
        "user_id": uuid.uuid4(),
        "role": "clinician",
        "patient_ids": [str(uuid.uuid4())],
        "method": "GET",
        "route": "/api/v1/patients/<uuid:patient_id>",
        "path": "/api/v1/patients/x",
        "action": "patients.read",
        "address": "127.0.0.1",
        "status": 200,
    }
    try:
        with engine.connect() as connection, connection.begin() as transaction:
            connection.execute(insert(AuditEvent).values(**row))
            for change in (update(AuditEvent).values(status=500), delete(AuditEvent)):
                with pytest.raises(DBAPIError, match="append-only"), connection.begin_nested():
                    connection.execute(change)
            statuses = connection.scalars(select(AuditEvent.status)).all()
            # Leave the shared test database as it was.
            transaction.rollback()
    finally:
        engine.dispose()

    assert statuses == [200]

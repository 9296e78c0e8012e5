import re
import uuid

from server.models import PatientStatus
from tests.support.builders import a_patient

PATIENTS = "/api/v1/patients"
CODE_SHAPE = re.compile(r"^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$")


def test_clinician_registers_a_patient_and_gets_an_enrollment_code(api, world):
    response = api.post(
        PATIENTS,
        as_="clinician_a",
        json={
            "display_name": "Grace",
            "care_team_id": str(world.team_a.id),
            "time_zone": "Europe/London",
        },
    )

    assert response.status_code == 201
    body = response.get_json()
    assert body["patient"]["display_name"] == "Grace"
    assert body["patient"]["care_team_id"] == str(world.team_a.id)
    assert body["patient"]["time_zone"] == "Europe/London"
    assert body["patient"]["status"] == "active"
    assert CODE_SHAPE.match(body["enrollment_code"])
    assert body["enrollment_link"].startswith("painline://enroll?server=")


def test_a_patient_without_a_time_zone_lives_in_utc(api, world):
    response = api.post(
        PATIENTS,
        as_="clinician_a",
        json={"display_name": "Grace", "care_team_id": str(world.team_a.id)},
    )

    assert response.get_json()["patient"]["time_zone"] == "UTC"


def test_a_clinician_cannot_register_a_patient_in_another_team(api, world):
    response = api.post(
        PATIENTS,
        as_="clinician_a",
        json={"display_name": "Grace", "care_team_id": str(world.team_b.id)},
    )

    assert response.status_code == 422
    assert "care_team_id" in response.get_json()["errors"]["json"]


def test_an_unknown_time_zone_is_refused_with_a_message(api, world):
    response = api.post(
        PATIENTS,
        as_="clinician_a",
        json={
            "display_name": "Grace",
            "care_team_id": str(world.team_a.id),
            "time_zone": "Mars/Olympus",
        },
    )

    assert response.status_code == 422
    assert "IANA" in str(response.get_json()["errors"]["json"]["time_zone"])


def test_the_list_holds_only_the_clinicians_teams_patients(api, world):
    response = api.get(PATIENTS, as_="clinician_a")

    assert response.status_code == 200
    assert [p["id"] for p in response.get_json()] == [str(world.patient_a.id)]
    assert '"total": 1' in response.headers["X-Pagination"]


def test_the_list_filters_by_status_and_pages(api, world, db_session):
    for number in range(3):
        a_patient(db_session, world.team_a, f"Discharged {number}", PatientStatus.DISCHARGED)
    db_session.commit()

    response = api.get(f"{PATIENTS}?status=discharged&page=2&page_size=2", as_="clinician_a")

    assert [p["display_name"] for p in response.get_json()] == ["Discharged 2"]


def test_a_patient_of_another_team_is_not_found(api, world):
    response = api.get(f"{PATIENTS}/{world.patient_b.id}", as_="clinician_a")

    assert response.status_code == 404
    assert response.get_json()["code"] == 404


def test_a_patient_is_read_with_their_context(api, world):
    response = api.get(f"{PATIENTS}/{world.patient_a.id}", as_="clinician_a")

    assert response.status_code == 200
    assert response.get_json()["revision"] == 1
    assert response.get_json()["lesions"] == []


def test_admins_see_no_patients(api, world):
    response = api.get(PATIENTS, as_="admin")

    assert response.status_code == 403


def test_a_new_code_replaces_the_unspent_one(api, world):
    first = world.enrollment_code_a
    response = api.post(f"{PATIENTS}/{world.patient_a.id}/enrollment-code", as_="clinician_a")
    second = response.get_json()["enrollment_code"]

    with_first = api.post("/api/v1/enroll", json={"code": first, "device_name": "Old"})
    with_second = api.post("/api/v1/enroll", json={"code": second, "device_name": "New"})

    assert response.status_code == 201
    assert with_first.status_code == 401
    assert with_second.status_code == 200


def test_no_code_for_a_discharged_patient(api, world, db_session):
    world.patient_a.status = PatientStatus.DISCHARGED
    db_session.commit()

    response = api.post(f"{PATIENTS}/{world.patient_a.id}/enrollment-code", as_="clinician_a")

    assert response.status_code == 409


def test_a_malformed_patient_id_is_a_404(api, world):
    assert api.get(f"{PATIENTS}/not-a-uuid", as_="clinician_a").status_code == 404
    assert api.get(f"{PATIENTS}/{uuid.uuid4()}", as_="clinician_a").status_code == 404

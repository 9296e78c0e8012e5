from sqlalchemy import select

from server.models import DeviceToken, EnrollmentCode, PatientStatus


def context_url(world):
    return f"/api/v1/patients/{world.patient_a.id}/context"


def a_context(world, **overrides):
    return {
        "id": str(world.patient_a.id),
        "revision": 2,
        "care_team_id": str(world.team_a.id),
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        "lesions": [
            {"site": "femur_left", "type": "lytic", "cortical_involvement": "gt_two_thirds"}
        ],
        "medications": [
            {
                "medication": "pregabalin",
                "dose": 75,
                "unit": "mg",
                "route": "oral",
                "purpose": "scheduled",
                "since": "2026-11-01",
                "until": None,
            }
        ],
        **overrides,
    }


def test_clinician_replaces_the_context_and_reads_it_back(api, world):
    response = api.put(context_url(world), as_="clinician_a", json=a_context(world))

    assert response.status_code == 200
    assert response.get_json()["lesions"][0]["cortical_involvement"] == "gt_two_thirds"
    patient = api.get(f"/api/v1/patients/{world.patient_a.id}", as_="clinician_a").get_json()
    assert patient["revision"] == 2
    assert patient["time_zone"] == "Europe/London"
    assert patient["medications"][0]["medication"] == "pregabalin"


def test_a_stale_revision_is_a_conflict(api, world):
    api.put(context_url(world), as_="clinician_a", json=a_context(world))

    stale = api.put(context_url(world), as_="clinician_a", json=a_context(world))

    assert stale.status_code == 409


def test_unknown_codes_and_unknown_zones_are_refused_per_field(api, world):
    bad_code = a_context(world, lesions=[{"site": "elbow_of_doom"}])
    bad_zone = a_context(world, time_zone="Mars/Olympus")

    code_answer = api.put(context_url(world), as_="clinician_a", json=bad_code)
    zone_answer = api.put(context_url(world), as_="clinician_a", json=bad_zone)

    assert code_answer.status_code == 422
    assert "lesions" in code_answer.get_json()["errors"]["json"]
    assert zone_answer.status_code == 422
    assert "time_zone" in zone_answer.get_json()["errors"]["json"]


def test_the_context_must_be_this_patients_and_in_the_clinicians_teams(api, world):
    body = a_context(world, id=str(world.patient_b.id), care_team_id=str(world.team_b.id))

    response = api.put(context_url(world), as_="clinician_a", json=body)

    assert response.status_code == 422
    assert set(response.get_json()["errors"]["json"]) == {"id", "care_team_id"}


def test_discharging_revokes_the_phones_and_the_unspent_code(api, world, db_session):
    response = api.put(
        context_url(world), as_="clinician_a", json=a_context(world, status="discharged")
    )

    assert response.status_code == 200
    db_session.expire_all()
    assert world.patient_a.status == PatientStatus.DISCHARGED
    devices = db_session.scalars(
        select(DeviceToken).where(DeviceToken.patient_id == world.patient_a.id)
    )
    assert all(device.revoked_at is not None for device in devices)
    codes = db_session.scalars(
        select(EnrollmentCode).where(EnrollmentCode.patient_id == world.patient_a.id)
    )
    assert all(code.revoked_at is not None for code in codes)
    assert api.get("/api/v1/patients", as_="device_a").status_code == 401
    assert api.get("/api/v1/patients", as_="device_b").status_code == 403


def test_pausing_keeps_the_phone(api, world):
    api.put(context_url(world), as_="clinician_a", json=a_context(world, status="paused"))

    assert api.get("/api/v1/patients", as_="device_a").status_code == 403


def test_a_new_context_takes_the_next_change_number(api, world, db_session):
    before = world.patient_a.last_change_seq

    api.put(context_url(world), as_="clinician_a", json=a_context(world))

    db_session.expire_all()
    assert world.patient_a.context_change_seq == before + 1 == world.patient_a.last_change_seq

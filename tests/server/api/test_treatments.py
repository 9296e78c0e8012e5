import uuid

from sqlalchemy import select

from server.models import Treatment


def treatments_url(world):
    return f"/api/v1/patients/{world.patient_a.id}/treatments"


def a_bone_agent(**overrides):
    return {
        "id": str(uuid.uuid4()),
        "kind": "denosumab",
        "sites": [],
        "started_on": "2026-11-01",
        "revision": 1,
        "details": {"agent": "denosumab", "interval_weeks": 4},
        **overrides,
    }


def test_clinician_adds_a_treatment_and_gets_the_wire_record_back(api, world, db_session):
    body = a_bone_agent()

    response = api.post(treatments_url(world), as_="clinician_a", json=body)

    assert response.status_code == 201
    answer = response.get_json()
    assert answer["id"] == body["id"]
    assert answer["details"] == {"agent": "denosumab", "interval_weeks": 4, "stopped": False}
    stored = db_session.get(Treatment, uuid.UUID(body["id"]))
    assert stored.patient_id == world.patient_a.id
    assert stored.clinic_id == world.patient_a.clinic_id


def test_the_shared_schema_refuses_unknown_codes_with_a_message(api, world):
    response = api.post(treatments_url(world), as_="clinician_a", json=a_bone_agent(kind="magic"))

    assert response.status_code == 422
    assert "unknown treatment kind 'magic'" in str(response.get_json()["errors"]["json"]["kind"])


def test_a_radiotherapy_course_needs_its_sites(api, world):
    body = a_bone_agent(kind="radiotherapy", ended_on="2026-11-01", details={"dose_gy": 8})

    response = api.post(treatments_url(world), as_="clinician_a", json=body)

    assert response.status_code == 422
    assert "sites" in response.get_json()["errors"]["json"]


def test_unknown_fields_in_a_treatment_are_refused(api, world):
    response = api.post(treatments_url(world), as_="clinician_a", json=a_bone_agent(colour="red"))

    assert response.status_code == 422
    assert "colour" in response.get_json()["errors"]["json"]


def test_an_id_used_before_is_a_conflict(api, world):
    body = a_bone_agent(id=str(world.treatment_a.id))

    response = api.post(treatments_url(world), as_="clinician_a", json=body)

    assert response.status_code == 409


def test_a_correction_needs_a_higher_revision(api, world, db_session):
    url = f"{treatments_url(world)}/{world.treatment_a.id}"
    corrected = a_bone_agent(id=str(world.treatment_a.id), revision=2)

    accepted = api.put(url, as_="clinician_a", json=corrected)
    stale = api.put(url, as_="clinician_a", json=corrected)

    assert accepted.status_code == 200
    assert accepted.get_json()["kind"] == "denosumab"
    assert stale.status_code == 409
    assert "revision 2" in stale.get_json()["message"]


def test_a_correction_must_name_the_treatment_of_the_url(api, world):
    url = f"{treatments_url(world)}/{world.treatment_a.id}"

    response = api.put(url, as_="clinician_a", json=a_bone_agent(revision=2))

    assert response.status_code == 422
    assert "id" in response.get_json()["errors"]["json"]


def test_deleting_leaves_a_tombstone_at_the_next_revision(api, world, db_session):
    url = f"{treatments_url(world)}/{world.treatment_a.id}"

    first = api.delete(url, as_="clinician_a")
    second = api.delete(url, as_="clinician_a")

    assert first.status_code == 204
    assert second.status_code == 204
    stored = db_session.scalar(select(Treatment).where(Treatment.id == world.treatment_a.id))
    db_session.refresh(stored)
    assert stored.deleted is True
    assert stored.revision == 2


def test_another_patients_treatment_is_not_found_under_this_patient(api, world):
    url = f"{treatments_url(world)}/{world.b.treatment.id}"

    assert api.delete(url, as_="clinician_a").status_code == 404


def test_each_write_moves_the_treatment_up_the_patients_change_sequence(api, world, db_session):
    url = f"{treatments_url(world)}/{world.treatment_a.id}"
    body = a_bone_agent()

    api.post(treatments_url(world), as_="clinician_a", json=body)
    api.put(url, as_="clinician_a", json=a_bone_agent(id=str(world.treatment_a.id), revision=2))
    api.delete(url, as_="clinician_a")

    db_session.expire_all()
    added = db_session.get(Treatment, uuid.UUID(body["id"]))
    corrected_then_deleted = db_session.get(Treatment, world.treatment_a.id)
    assert 0 < added.change_seq < corrected_then_deleted.change_seq
    assert world.patient_a.last_change_seq == corrected_then_deleted.change_seq

def devices_url(world):
    return f"/api/v1/patients/{world.patient_a.id}/devices"


def test_the_care_team_sees_the_patients_phones(api, world):
    response = api.get(devices_url(world), as_="clinician_a")

    assert response.status_code == 200
    assert [device["id"] for device in response.get_json()] == [str(world.device_a.id)]
    assert response.get_json()[0]["revoked_at"] is None


def test_revoking_a_phone_locks_it_out_and_shows_in_the_list(api, world):
    revoked = api.delete(f"{devices_url(world)}/{world.device_a.id}", as_="clinician_a")
    again = api.delete(f"{devices_url(world)}/{world.device_a.id}", as_="clinician_a")

    assert revoked.status_code == 204
    assert again.status_code == 204
    assert api.get("/api/v1/patients", as_="device_a").status_code == 401
    assert api.get(devices_url(world), as_="clinician_a").get_json()[0]["revoked_at"]


def test_another_patients_phone_is_not_found_under_this_patient(api, world):
    url = f"{devices_url(world)}/{world.b.device.id}"

    assert api.delete(url, as_="clinician_a").status_code == 404
    assert api.get("/api/v1/patients", as_="device_b").status_code == 403

"""A patient's hospital number (MRN), date of birth and sex through the API: create, read, correct,
and every refusal leaves the record as it was."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from server.models import CareTeam, Clinic, Patient

PATIENTS = "/api/v1/patients"


def register(api, world, **fields):
    body = {"display_name": "J. Smith", "care_team_id": str(world.team_a.id), **fields}
    return api.post(PATIENTS, as_="clinician_a", json=body)


def test_a_patient_is_registered_with_hospital_number_birth_date_and_sex(api, world):
    created = register(api, world, mrn="RX1234567", birth_date="1951-03-09", sex="female")

    assert created.status_code == 201
    patient_id = created.get_json()["patient"]["id"]
    read = api.get(f"{PATIENTS}/{patient_id}", as_="clinician_a").get_json()
    assert (read["mrn"], read["birth_date"], read["sex"]) == ("RX1234567", "1951-03-09", "female")


def test_a_patient_without_identifiers_is_still_accepted_by_the_api(api, world):
    created = register(api, world)

    assert created.status_code == 201
    patient = created.get_json()["patient"]
    assert (patient["mrn"], patient["birth_date"], patient["sex"]) == (None, None, None)


def test_spaces_around_a_hospital_number_are_not_part_of_it(api, world):
    created = register(api, world, mrn="  RX77  ")

    assert created.get_json()["patient"]["mrn"] == "RX77"


def test_a_second_patient_with_the_same_mrn_in_the_clinic_is_409_naming_the_field(
    api, world, db_session
):
    register(api, world, mrn="RX1")

    second = register(api, world, display_name="John Smith", mrn="RX1")

    assert second.status_code == 409
    body = second.get_json()
    assert "another patient of this clinic already has this hospital number (mrn)" in (
        body["message"].lower()
    )
    assert "mrn" in body["errors"]
    names = db_session.scalars(select(Patient.display_name).where(Patient.mrn == "RX1")).all()
    assert names == ["J. Smith"]


def test_the_mrn_is_unique_across_the_teams_of_the_clinic(api, world):
    register(api, world, mrn="RX1")
    body = {"display_name": "Other", "care_team_id": str(world.team_b.id), "mrn": "RX1"}

    refused = api.post(PATIENTS, as_="clinician_b", json=body)

    assert refused.status_code == 409


def test_the_same_mrn_in_another_clinic_is_another_patient(api, world, db_session):
    other = Clinic(name="Another hospital")
    team = CareTeam(clinic=other, name="Oncology")
    db_session.add_all([other, team])
    db_session.flush()
    db_session.add(
        Patient(clinic_id=other.id, care_team_id=team.id, display_name="Else", mrn="RX1")
    )
    db_session.commit()

    created = register(api, world, mrn="RX1")

    assert created.status_code == 201


def test_patch_corrects_the_identifiers_and_keeps_the_rest(api, world):
    patient_id = register(api, world, mrn="RX1", sex="male").get_json()["patient"]["id"]

    patched = api.patch(
        f"{PATIENTS}/{patient_id}",
        as_="clinician_a",
        json={"mrn": "RX2", "birth_date": "1960-01-31"},
    )

    assert patched.status_code == 200
    read = api.get(f"{PATIENTS}/{patient_id}", as_="clinician_a").get_json()
    assert (read["display_name"], read["mrn"], read["birth_date"], read["sex"]) == (
        "J. Smith",
        "RX2",
        "1960-01-31",
        "male",
    )


def test_patch_with_null_clears_an_identifier(api, world):
    patient_id = register(api, world, mrn="RX1", sex="male").get_json()["patient"]["id"]

    api.patch(f"{PATIENTS}/{patient_id}", as_="clinician_a", json={"sex": None})

    assert api.get(f"{PATIENTS}/{patient_id}", as_="clinician_a").get_json()["sex"] is None


def test_patch_to_another_patients_mrn_is_409_and_changes_nothing(api, world):
    register(api, world, mrn="RX1")
    second = register(api, world, display_name="John Smith", mrn="RX2").get_json()["patient"]

    refused = api.patch(
        f"{PATIENTS}/{second['id']}",
        as_="clinician_a",
        json={"mrn": "RX1", "display_name": "Johnny Smith"},
    )

    assert refused.status_code == 409
    read = api.get(f"{PATIENTS}/{second['id']}", as_="clinician_a").get_json()
    assert (read["display_name"], read["mrn"]) == ("John Smith", "RX2")


TOMORROW_ANYWHERE = (date.today() + timedelta(days=2)).isoformat()


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        # Tab and newline pass the request's own check (other control codes never reach a field).
        ({"mrn": "RX\t12"}, "mrn", "control character"),
        ({"mrn": "RX\n12"}, "mrn", "control character"),
        ({"mrn": "R" * 33}, "mrn", "At most 32 characters"),
        ({"mrn": "   "}, "mrn", "Write the hospital number"),
        ({"birth_date": TOMORROW_ANYWHERE}, "birth_date", "in the future"),
        ({"birth_date": "1899-12-31"}, "birth_date", "before 1900"),
        ({"birth_date": "31/01/1950"}, "birth_date", "Not a valid date"),
        ({"sex": "f"}, "sex", "Must be one of"),
    ],
)
def test_bad_identifiers_are_422_with_a_sentence_per_field_and_nothing_stored(
    api, world, db_session, fields, field, words
):
    before = db_session.scalar(select(func.count()).select_from(Patient))

    refused = register(api, world, **fields)

    assert refused.status_code == 422
    messages = refused.get_json()["errors"]["json"]
    assert list(messages) == [field]
    assert words in " ".join(messages[field])
    assert db_session.scalar(select(func.count()).select_from(Patient)) == before


def test_a_bad_patch_is_422_and_the_patient_stays_as_they_were(api, world):
    patient_id = register(api, world, mrn="RX1", birth_date="1950-05-05").get_json()["patient"][
        "id"
    ]

    refused = api.patch(
        f"{PATIENTS}/{patient_id}",
        as_="clinician_a",
        json={"mrn": "RX9", "birth_date": TOMORROW_ANYWHERE},
    )

    assert refused.status_code == 422
    assert list(refused.get_json()["errors"]["json"]) == ["birth_date"]
    read = api.get(f"{PATIENTS}/{patient_id}", as_="clinician_a").get_json()
    assert (read["mrn"], read["birth_date"]) == ("RX1", "1950-05-05")

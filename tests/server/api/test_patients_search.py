"""`GET /api/v1/patients?q=`: part of a name or the start of an MRN, case ignored, on both
databases; a search that cannot be run is a 422 with a sentence, and the rest of the list stays."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from server.models import PatientStatus
from tests.support.builders import a_patient

PATIENTS = "/api/v1/patients"


def with_mrn(db_session, team, name: str, mrn: str | None = None, **options: Any):
    patient = a_patient(db_session, team, name, **options)
    patient.mrn = mrn
    return patient


def a_ward(db_session, world) -> None:
    """Team A's patients beside Patient A; team B has a Smith of its own."""
    with_mrn(db_session, world.team_a, "Jane Smith", "RX1234")
    with_mrn(db_session, world.team_a, "John SMITHERS", "rx1299")
    with_mrn(db_session, world.team_a, "Ann Blacksmith", "AB12RX")
    with_mrn(db_session, world.team_a, "Rex Toye")
    with_mrn(db_session, world.team_b, "Bob Smith", "RX1200")
    db_session.commit()


def listed(api, **query: Any) -> tuple[list[str], int]:
    response = api.get(f"{PATIENTS}?{urlencode(query)}", as_="clinician_a")
    assert response.status_code == 200, response.get_json()
    total = json.loads(response.headers["X-Pagination"])["total"]
    return [patient["display_name"] for patient in response.get_json()], total


def refusal(api, q: str) -> list[str]:
    response = api.get(f"{PATIENTS}?{urlencode({'q': q})}", as_="clinician_a")
    assert response.status_code == 422
    return response.get_json()["errors"]["query"]["q"]


def test_a_name_is_found_by_any_part_of_it_whatever_the_case(api, world, db_session):
    a_ward(db_session, world)

    assert listed(api, q="sMiTh") == (["Ann Blacksmith", "Jane Smith", "John SMITHERS"], 3)


def test_an_mrn_is_found_by_its_start_whatever_the_case(api, world, db_session):
    a_ward(db_session, world)

    assert listed(api, q="RX12") == (["Jane Smith", "John SMITHERS"], 2)
    assert listed(api, q="rx1234") == (["Jane Smith"], 1)


def test_the_middle_of_an_mrn_finds_no_one(api, world, db_session):
    a_ward(db_session, world)

    assert listed(api, q="1234") == ([], 0)


def test_a_search_that_matches_no_one_is_an_empty_list(api, world, db_session):
    a_ward(db_session, world)

    assert listed(api, q="Nobody") == ([], 0)


def test_a_search_never_reaches_another_teams_patients(api, world, db_session):
    a_ward(db_session, world)

    assert "Bob Smith" not in listed(api, q="smith")[0]
    assert listed(api, q="RX1200") == ([], 0)


def test_percent_and_underscore_are_typed_characters_not_wildcards(api, world, db_session):
    with_mrn(db_session, world.team_a, "Dee 100% Fit", "A_1")
    with_mrn(db_session, world.team_a, "Dee 1000 Fit", "AB1")
    db_session.commit()

    assert listed(api, q="100%") == (["Dee 100% Fit"], 1)
    assert listed(api, q="a_") == (["Dee 100% Fit"], 1)


def test_a_blank_search_lists_everyone(api, world, db_session):
    a_ward(db_session, world)

    assert listed(api, q="  ")[1] == listed(api)[1] == 5


def test_a_search_keeps_the_status_filter_and_the_pages(api, world, db_session):
    for number in range(3):
        with_mrn(db_session, world.team_a, f"Smith {number}", status=PatientStatus.DISCHARGED)
    with_mrn(db_session, world.team_a, "Smith active")
    db_session.commit()

    found = listed(api, q="smith", status="discharged", page=2, page_size=2)

    assert found == (["Smith 2"], 3)


def test_a_search_over_100_characters_is_refused_with_a_sentence(api, world):
    assert listed(api, q="x" * 100) == ([], 0)

    assert refusal(api, "x" * 101) == ["Search for at most 100 characters of a name or MRN."]


def test_a_search_with_a_control_character_is_refused_with_a_sentence(api, world):
    for typed in ("smith\n", "smi\x00th", "\x1b[2J"):
        assert refusal(api, typed) == ["The search holds a control character; type it again."]


def test_a_name_spelled_with_a_joiner_is_found(api, world, db_session):
    with_mrn(db_session, world.team_a, "Mehr\u200cnaz Rahimi")
    db_session.commit()

    assert listed(api, q="mehr\u200cnaz") == (["Mehr\u200cnaz Rahimi"], 1)


def test_a_name_typed_as_written_is_found_whatever_its_letters(api, world, db_session):
    with_mrn(db_session, world.team_a, "Émile Ødegård")
    db_session.commit()

    assert listed(api, q="Émile Ødegård") == (["Émile Ødegård"], 1)

"""The worklist's search box: part of a name or the start of an MRN narrows the rows and the
counts, the live refresh and the pages keep it, and each row shows the patient's MRN."""

from __future__ import annotations

import html
import re

from tests.support.builders import a_patient

ROW = re.compile(r'data-patient-id="([^"]+)"')
ROWS_URL = re.compile(r'data-rows-url="([^"]+)"')


def a_ward(db_session, world) -> dict[str, str]:
    ids = {}
    for name, mrn in (("Jane Smith", "RX1234"), ("John Smithers", "RX9000"), ("Rex Toye", None)):
        patient = a_patient(db_session, world.team_a, name)
        patient.mrn = mrn
        ids[name] = str(patient.id)
    db_session.commit()
    return ids


def shown(dashboard, url: str) -> list[str]:
    response = dashboard.get(url)
    assert response.status_code == 200
    return ROW.findall(response.get_data(as_text=True))


def test_a_name_search_shows_only_the_matching_patients(dashboard, world, db_session):
    ids = a_ward(db_session, world)

    page = dashboard.get("/?q=SMITH").get_data(as_text=True)

    assert set(ROW.findall(page)) == {ids["Jane Smith"], ids["John Smithers"]}
    assert "2 patients: 0 with open alerts, 2 not reporting." in page
    assert "Showing only patients whose name holds “SMITH” or whose MRN starts with it." in page
    assert 'value="SMITH"' in page


def test_an_mrn_prefix_finds_the_patient_and_rows_show_the_mrn(dashboard, world, db_session):
    ids = a_ward(db_session, world)

    page = dashboard.get("/?q=rx12").get_data(as_text=True)

    assert ROW.findall(page) == [ids["Jane Smith"]]
    assert "MRN RX1234" in page


def test_a_search_with_no_match_says_so(dashboard, world, db_session):
    a_ward(db_session, world)

    page = dashboard.get("/?q=nobody").get_data(as_text=True)

    assert ROW.findall(page) == []
    assert "whose MRN starts with it: none do." in page
    assert "No patients match." in page


def test_the_live_refresh_keeps_the_search(dashboard, world, db_session):
    ids = a_ward(db_session, world)
    page = dashboard.get("/?q=smithers").get_data(as_text=True)

    found = ROWS_URL.search(page)
    assert found, "the page has no live rows URL"
    rows_url = html.unescape(found.group(1))

    assert "q=smithers" in rows_url
    assert shown(dashboard, rows_url) == [ids["John Smithers"]]


def test_a_blank_search_shows_everyone(dashboard, world, db_session):
    a_ward(db_session, world)

    assert len(shown(dashboard, "/?q=+")) == len(shown(dashboard, "/")) == 4


def test_a_search_that_cannot_run_is_refused_not_widened(dashboard, world, db_session):
    a_ward(db_session, world)

    too_long = dashboard.get("/?q=" + "x" * 101)
    control = dashboard.get("/worklist/rows?q=smi%00th")

    assert too_long.status_code == control.status_code == 422
    assert "at most 100 characters" in too_long.get_data(as_text=True)
    assert ROW.findall(control.get_data(as_text=True)) == []

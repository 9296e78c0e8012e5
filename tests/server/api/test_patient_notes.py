"""Clinicians' notes about a patient: written with author and time, listed newest first, on the
timeline; a refused note stores nothing."""

from datetime import date

import pytest
from sqlalchemy import func, select

from server.models import PatientNote


def notes_url(world, side="a"):
    return f"/api/v1/patients/{world.side(side).patient.id}/notes"


def test_a_note_is_stored_with_its_author_and_listed_newest_first(api, world):
    first = api.post(notes_url(world), as_="clinician_a", json={"text": "Phoned, family aware."})
    api.post(notes_url(world), as_="clinician_a", json={"text": "Hospice referral sent."})

    assert first.status_code == 201
    listed = api.get(notes_url(world), as_="clinician_a")
    assert [n["text"] for n in listed.get_json()] == [
        "Hospice referral sent.",
        "Phoned, family aware.",
    ]
    note = listed.get_json()[0]
    assert note["author"] == {"id": str(world.clinician_a.id), "email": world.clinician_a.email}
    assert note["patient_id"] == str(world.patient_a.id)
    assert listed.headers["X-Pagination"]


def test_the_timeline_lists_the_notes_of_its_days(api, world):
    api.post(notes_url(world), as_="clinician_a", json={"text": "Phoned, family aware."})
    today = date.today().isoformat()

    timeline = api.get(
        f"/api/v1/patients/{world.patient_a.id}/timeline?from={today}&to={today}",
        as_="clinician_a",
    ).get_json()
    earlier = api.get(
        f"/api/v1/patients/{world.patient_a.id}/timeline?from=2020-01-01&to=2020-01-31",
        as_="clinician_a",
    ).get_json()

    assert [n["text"] for n in timeline["notes"]] == ["Phoned, family aware."]
    assert earlier["notes"] == []


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"text": "x" * 2001}, "between 1 and 2000"),
        ({"text": " \n "}, "blank text is not enough"),
        ({"text": "ok", "author": "someone"}, "Unknown field"),
    ],
)
def test_a_bad_note_is_422_with_a_sentence_and_nothing_stored(api, world, db_session, body, words):
    refused = api.post(notes_url(world), as_="clinician_a", json=body)

    assert refused.status_code == 422
    messages = refused.get_json()["errors"]["json"]
    assert words in " ".join(text for field in messages.values() for text in field)
    assert db_session.scalar(select(func.count()).select_from(PatientNote)) == 0


def test_another_teams_patient_has_no_notes_for_you(api, world, db_session):
    written = api.post(notes_url(world, "b"), as_="clinician_a", json={"text": "Hello"})
    read = api.get(notes_url(world, "b"), as_="clinician_a")

    assert (written.status_code, read.status_code) == (404, 404)
    assert db_session.scalar(select(func.count()).select_from(PatientNote)) == 0

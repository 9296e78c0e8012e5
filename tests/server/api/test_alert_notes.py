"""An alert's thread: acknowledged, comments and resolved, each with its author; nothing is
overwritten, and a refused note leaves the thread as it was."""

import pytest
from sqlalchemy import func, select

from server.models import AlertNote, AuditEvent
from tests.server.api.alerting import ALERTS, only_alert, raise_urgent_alert


def author(world, who="clinician_a"):
    user = world.clinician_a if who == "clinician_a" else world.clinician_b
    return {"id": str(user.id), "email": user.email}


def thread(alert):
    return [(n["action"], n["text"], n["author"]) for n in alert["notes"]]


def test_acknowledge_comment_and_resolve_keep_every_note_with_its_author(api, world):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]
    me = author(world)

    api.post(
        f"{ALERTS}/{alert_id}/acknowledge",
        as_="clinician_a",
        json={"note": "Called patient 02:10, advised ED"},
    )
    commented = api.post(
        f"{ALERTS}/{alert_id}/notes", as_="clinician_a", json={"text": "ED confirms arrival."}
    )
    api.post(
        f"{ALERTS}/{alert_id}/resolve",
        as_="clinician_a",
        json={"note": "MRI booked", "outcome": "actioned"},
    )

    assert commented.status_code == 201
    assert commented.get_json()["status"] == "acknowledged"
    (listed,) = api.get(ALERTS, as_="clinician_a").get_json()
    assert thread(listed) == [
        ("acknowledged", "Called patient 02:10, advised ED", me),
        ("commented", "ED confirms arrival.", me),
        ("resolved", "MRI booked", me),
    ]
    assert (listed["acknowledged_by"], listed["resolved_by"]) == (me, me)
    times = [n["at"] for n in listed["notes"]]
    assert times == sorted(times)


def test_an_acknowledgement_without_a_note_is_still_in_the_thread(api, world):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]

    acknowledged = api.post(f"{ALERTS}/{alert_id}/acknowledge", as_="clinician_a").get_json()

    assert thread(acknowledged) == [("acknowledged", None, author(world))]


def test_a_note_with_a_second_acknowledgement_joins_the_thread_as_a_comment(api, world):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]
    api.post(f"{ALERTS}/{alert_id}/acknowledge", as_="clinician_a", json={"note": "first"})

    again = api.post(f"{ALERTS}/{alert_id}/acknowledge", as_="clinician_a", json={"note": "again"})

    assert [(n["action"], n["text"]) for n in again.get_json()["notes"]] == [
        ("acknowledged", "first"),
        ("commented", "again"),
    ]


def test_a_resolved_alert_still_takes_a_comment(api, world):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]
    api.post(
        f"{ALERTS}/{alert_id}/resolve",
        as_="clinician_a",
        json={"note": "ok", "outcome": "duplicate"},
    )

    commented = api.post(
        f"{ALERTS}/{alert_id}/notes", as_="clinician_a", json={"text": "Patient called back."}
    )

    assert commented.status_code == 201
    body = commented.get_json()
    assert (body["status"], body["outcome"]) == ("resolved", "duplicate")
    assert [n["action"] for n in body["notes"]] == ["resolved", "commented"]


def test_a_comment_is_audited_with_the_patient(api, world, db_session):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]

    api.post(f"{ALERTS}/{alert_id}/notes", as_="clinician_a", json={"text": "Seen."})

    event = db_session.scalars(
        select(AuditEvent).where(AuditEvent.action == "alerts.comment")
    ).one()
    assert (event.user_id, event.status, event.patient_ids) == (
        world.clinician_a.id,
        201,
        [str(world.patient_a.id)],
    )


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"text": "x" * 2001}, "between 1 and 2000"),
        ({"text": "   "}, "blank text is not enough"),
        ({"text": ""}, "between 1 and 2000"),
        ({}, "Missing data"),
    ],
)
def test_a_bad_comment_is_422_with_a_sentence_and_the_thread_stays(
    api, world, db_session, body, words
):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]
    api.post(f"{ALERTS}/{alert_id}/acknowledge", as_="clinician_a", json={"note": "first"})

    refused = api.post(f"{ALERTS}/{alert_id}/notes", as_="clinician_a", json=body)

    assert refused.status_code == 422
    assert words in " ".join(refused.get_json()["errors"]["json"]["text"])
    assert db_session.scalar(select(func.count()).select_from(AlertNote)) == 1
    assert only_alert(api)["status"] == "acknowledged"


def test_a_blank_acknowledgement_note_is_422_and_the_alert_stays_open(api, world):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]

    refused = api.post(f"{ALERTS}/{alert_id}/acknowledge", as_="clinician_a", json={"note": "  "})

    assert refused.status_code == 422
    assert list(refused.get_json()["errors"]["json"]) == ["note"]
    alert = only_alert(api)
    assert (alert["status"], alert["notes"]) == ("open", [])


def test_a_comment_on_another_teams_alert_is_404_and_stores_nothing(api, world, db_session):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]

    refused = api.post(f"{ALERTS}/{alert_id}/notes", as_="clinician_b", json={"text": "Mine?"})

    assert refused.status_code == 404
    assert db_session.scalar(select(func.count()).select_from(AlertNote)) == 0

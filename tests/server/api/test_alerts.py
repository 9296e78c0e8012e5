import json
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from server.models import Alert
from tests.server.api.alerting import (
    ALERTS,
    alerts,
    only_alert,
    raise_emergency_alert,
    raise_urgent_alert,
    thoracic_pain_history,
)
from tests.server.sync.pushes import push
from tests.shared.builders import report_wire

ALERT_SHAPE = {
    "id",
    "acknowledged_by",
    "resolved_by",
    "notes",
    "no_longer_holds_since",
    "no_longer_holds_because",
    "patient_id",
    "rule",
    "rule_version",
    "tier",
    "site",
    "status",
    "explanation",
    "suggested_action",
    "citation",
    "evidence",
    "raised_at",
    "acknowledged_at",
    "resolved_at",
    "outcome",
    "withdrawn",
    "historical",
}


def acknowledge(api, alert_id, as_="clinician_a", **body):
    return api.post(f"{ALERTS}/{alert_id}/acknowledge", as_=as_, json=body)


def resolve(api, alert_id, as_="clinician_a", **body):
    body = {"note": "Seen in clinic; MRI booked.", "outcome": "actioned", **body}
    return api.post(f"{ALERTS}/{alert_id}/resolve", as_=as_, json=body)


def enroll_a_new_patient(api, world):
    created = api.post(
        "/api/v1/patients",
        as_="clinician_a",
        json={"display_name": "Grace", "care_team_id": str(world.team_a.id)},
    ).get_json()
    enrolled = api.post(
        "/api/v1/enroll", json={"code": created["enrollment_code"], "device_name": "Pixel"}
    ).get_json()
    return enrolled["patient_id"], {"Authorization": f"Bearer {enrolled['token']}"}


def phone_alerts(api, phone, cursor):
    body = push(api, "anonymous", cursor=cursor, headers=phone).get_json()
    return body["changes"]["alerts"], body["cursor"]


def test_new_thoracic_pain_reaches_the_clinician_who_acknowledges_and_resolves_it(
    api, world, db_session
):
    patient_id, phone = enroll_a_new_patient(api, world)
    reports = thoracic_pain_history()
    synced = push(api, "anonymous", reports=reports, headers=phone).get_json()
    assert synced["accepted"] == [report["id"] for report in reports]

    (alert,) = alerts(api, status="open")

    assert set(alert) == ALERT_SHAPE
    assert alert["patient_id"] == patient_id
    assert (alert["rule"], alert["tier"], alert["site"]) == (
        "spinal_pain_red_flag",
        "urgent",
        "spine_thoracic",
    )
    assert alert["evidence"] == [reports[-1]["id"]]
    assert "NICE" in alert["citation"]
    assert alert["explanation"] and alert["suggested_action"]
    assert (alert["acknowledged_at"], alert["resolved_at"], alert["outcome"]) == (None,) * 3

    acknowledged = acknowledge(api, alert["id"], note="Calling the patient now.")
    assert acknowledged.status_code == 200
    assert acknowledged.get_json()["status"] == "acknowledged"
    seen, cursor = phone_alerts(api, phone, synced["cursor"])
    assert [(a["id"], a["status"]) for a in seen] == [(alert["id"], "acknowledged")]

    resolved = resolve(api, alert["id"], outcome="actioned")
    assert resolved.status_code == 200
    assert (resolved.get_json()["status"], resolved.get_json()["outcome"]) == (
        "resolved",
        "actioned",
    )
    seen, _ = phone_alerts(api, phone, cursor)
    assert [(a["id"], a["status"]) for a in seen] == [(alert["id"], "resolved")]

    row = db_session.get(Alert, uuid.UUID(alert["id"]))
    assert row.acknowledged_by == row.resolved_by == world.clinician_a.id
    author = {"id": str(world.clinician_a.id), "email": world.clinician_a.email}
    body = resolved.get_json()
    assert (body["acknowledged_by"], body["resolved_by"]) == (author, author)
    assert [(n["action"], n["text"], n["author"]) for n in body["notes"]] == [
        ("acknowledged", "Calling the patient now.", author),
        ("resolved", "Seen in clinic; MRI booked.", author),
    ]


def test_acknowledging_twice_keeps_the_first_acknowledgement(api, world):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]

    first = acknowledge(api, alert_id).get_json()
    second = acknowledge(api, alert_id, note="again")

    assert second.status_code == 200
    assert second.get_json()["acknowledged_at"] == first["acknowledged_at"]


def test_an_acknowledgement_needs_no_body(api, world):
    raise_urgent_alert(api)

    response = api.post(f"{ALERTS}/{only_alert(api)['id']}/acknowledge", as_="clinician_a")

    assert response.status_code == 200
    assert response.get_json()["status"] == "acknowledged"


def test_a_resolved_alert_cannot_be_acknowledged_or_resolved_again(api, world):
    raise_urgent_alert(api)
    alert_id = only_alert(api)["id"]
    resolve(api, alert_id)

    acknowledged = acknowledge(api, alert_id)
    resolved_again = resolve(api, alert_id)

    assert acknowledged.status_code == 409
    assert acknowledged.get_json()["message"] == "A resolved alert cannot be acknowledged."
    assert resolved_again.status_code == 409
    assert resolved_again.get_json()["message"] == "The alert is already resolved."


def test_another_teams_alert_is_not_found(api, world):
    raise_urgent_alert(api, as_="device_b")
    alert_id = only_alert(api, as_="clinician_b")["id"]

    assert alerts(api, as_="clinician_a") == []
    assert acknowledge(api, alert_id).status_code == 404
    assert resolve(api, alert_id).status_code == 404
    listed = api.get(ALERTS, as_="clinician_a", query_string={"patient_id": world.patient_b.id})
    assert listed.status_code == 404


def test_the_worklist_puts_emergencies_first_and_pages(api, world):
    raise_urgent_alert(api)
    raise_emergency_alert(api)

    first = api.get(ALERTS, as_="clinician_a", query_string={"page_size": 1})
    second = api.get(ALERTS, as_="clinician_a", query_string={"page_size": 1, "page": 2})

    assert [a["tier"] for a in first.get_json()] == ["emergency"]
    assert [a["tier"] for a in second.get_json()] == ["urgent"]
    paging = json.loads(first.headers["X-Pagination"])
    assert (paging["total"], paging["total_pages"], paging["next_page"]) == (2, 2, 2)


def test_the_worklist_filters_by_status_tier_and_patient(api, world):
    raise_urgent_alert(api)
    raise_emergency_alert(api)
    raise_emergency_alert(api, as_="device_b")
    emergency = alerts(api, tier="emergency")[0]
    acknowledge(api, emergency["id"])

    assert [a["tier"] for a in alerts(api, status="open")] == ["urgent"]
    assert [a["tier"] for a in alerts(api, status="acknowledged")] == ["emergency"]
    assert alerts(api, status="resolved") == []
    assert [a["rule"] for a in alerts(api, tier="urgent")] == ["spinal_pain_red_flag"]
    assert len(alerts(api, patient_id=world.patient_a.id)) == 2
    assert [a["patient_id"] for a in alerts(api, as_="clinician_b")] == [str(world.patient_b.id)]


def test_bad_filters_are_refused_per_field(api, world):
    response = api.get(
        ALERTS, as_="clinician_a", query_string={"tier": "severe", "status": "closed"}
    )

    assert response.status_code == 422
    assert set(response.get_json()["errors"]["query"]) == {"tier", "status"}


def test_a_resolution_needs_a_known_outcome_and_a_note(api, world):
    raise_urgent_alert(api)
    url = f"{ALERTS}/{only_alert(api)['id']}/resolve"

    bad_outcome = api.post(url, as_="clinician_a", json={"note": "ok", "outcome": "fixed"})
    no_note = api.post(url, as_="clinician_a", json={"outcome": "duplicate"})
    blank_note = api.post(url, as_="clinician_a", json={"note": "  ", "outcome": "duplicate"})
    unknown = api.post(
        url, as_="clinician_a", json={"note": "ok", "outcome": "duplicate", "tier": "info"}
    )

    assert bad_outcome.status_code == no_note.status_code == blank_note.status_code == 422
    assert list(bad_outcome.get_json()["errors"]["json"]) == ["outcome"]
    assert list(no_note.get_json()["errors"]["json"]) == ["note"]
    assert list(blank_note.get_json()["errors"]["json"]) == ["note"]
    assert unknown.status_code == 422
    assert list(unknown.get_json()["errors"]["json"]) == ["tier"]
    assert only_alert(api)["status"] == "open"


def test_an_acknowledgement_refuses_unknown_fields(api, world):
    raise_urgent_alert(api)

    response = acknowledge(api, only_alert(api)["id"], status="resolved")

    assert response.status_code == 422
    assert list(response.get_json()["errors"]["json"]) == ["status"]


def test_edited_evidence_shows_as_withdrawn(api, world):
    reports = raise_urgent_alert(api)
    push(api, reports=[{**reports[-1], "revision": 2, "sites": []}])

    assert only_alert(api)["withdrawn"] == [reports[-1]["id"]]


def test_a_year_old_backfill_lists_only_historical_resolved_alerts(api, world):
    push(api, reports=thoracic_pain_history(first=385, last=365))

    (alert,) = alerts(api)
    assert (alert["status"], alert["historical"]) == ("resolved", True)
    assert alerts(api, status="open") == []


def test_acknowledging_changes_the_alert_and_raises_no_other(api, world, db_session):
    raise_urgent_alert(api)
    acknowledge(api, only_alert(api)["id"])

    assert db_session.scalars(select(Alert.status)).all() == ["acknowledged"]


def test_an_alert_raised_ahead_of_the_server_clock_can_still_be_handled(api, world):
    # A phone whose clock runs 3 hours fast: the engine raises at the record's time.
    ahead = datetime.now(UTC) + timedelta(hours=3)
    report = report_wire(
        ahead.date(), symptoms=["limb_weakness"], hour=ahead.hour, minute=ahead.minute
    )
    push(api, reports=[report])
    alert_id = only_alert(api)["id"]

    acknowledged = acknowledge(api, alert_id)
    resolved = resolve(api, alert_id)

    assert (acknowledged.status_code, resolved.status_code) == (200, 200)
    assert resolved.get_json()["resolved_at"] >= resolved.get_json()["raised_at"]

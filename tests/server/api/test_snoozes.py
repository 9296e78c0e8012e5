from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from server.models import Snooze
from tests.server.api.alerting import alerts, thoracic_pain_history
from tests.server.sync.pushes import push
from tests.shared.builders import report_wire, site


def in_days(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


def snooze(api, world, as_="clinician_a", patient=None, **fields):
    body = {
        "rule": "spinal_pain_red_flag",
        "site": "spine_thoracic",
        "until": in_days(7),
        "reason": "Known thoracic deficit, under review.",
        **fields,
    }
    patient_id = (patient or world.patient_a).id
    return api.post(f"/api/v1/patients/{patient_id}/snoozes", as_=as_, json=body)


def test_a_clinician_snoozes_a_rule_at_a_site_with_a_reason(api, world, db_session):
    response = snooze(api, world)

    assert response.status_code == 201
    body = response.get_json()
    assert (body["rule"], body["site"], body["patient_id"]) == (
        "spinal_pain_red_flag",
        "spine_thoracic",
        str(world.patient_a.id),
    )
    assert body["created_by"] == str(world.clinician_a.id)
    row = db_session.scalars(select(Snooze)).one()
    assert row.until - row.starts_at <= timedelta(days=7)
    assert row.reason == "Known thoracic deficit, under review."


def test_a_snoozed_rule_raises_no_alert_for_records_after_the_snooze_began(api, world):
    snooze(api, world)
    # A snooze covers findings at moments from its start, so the new pain is logged after it.
    soon = datetime.now(UTC) + timedelta(minutes=5)
    reports = thoracic_pain_history()[:-1]
    reports.append(
        report_wire(soon.date(), site("spine_thoracic", 6), hour=soon.hour, minute=soon.minute)
    )

    assert push(api, reports=reports).status_code == 200

    assert alerts(api) == []


def test_a_snooze_of_every_site_leaves_the_site_out(api, world):
    response = snooze(api, world, site=None)

    assert response.status_code == 201
    assert response.get_json()["site"] is None


def test_a_snooze_longer_than_14_days_is_refused(api, world):
    response = snooze(api, world, until=in_days(15))

    assert response.status_code == 422
    assert list(response.get_json()["errors"]["json"]) == ["until"]
    assert "at most 14 days" in response.get_json()["message"]


def test_a_snooze_that_ends_in_the_past_is_refused(api, world):
    response = snooze(api, world, until=in_days(-1))

    assert response.status_code == 422
    assert list(response.get_json()["errors"]["json"]) == ["until"]


def test_an_emergency_rule_cannot_be_snoozed(api, world, db_session):
    response = snooze(api, world, rule="mscc_neuro_red_flag", site=None)

    assert response.status_code == 422
    assert list(response.get_json()["errors"]["json"]) == ["rule"]
    assert "emergency rule" in response.get_json()["message"]
    assert db_session.scalars(select(Snooze)).all() == []


def test_a_snooze_needs_a_reason(api, world):
    missing = snooze(api, world, reason=None)  # null
    blank = snooze(api, world, reason="   ")

    assert missing.status_code == blank.status_code == 422
    assert list(missing.get_json()["errors"]["json"]) == ["reason"]
    assert list(blank.get_json()["errors"]["json"]) == ["reason"]


def test_unknown_rules_sites_and_fields_are_refused_per_field(api, world):
    response = snooze(api, world, rule="hiccups", site="elbow_nowhere", colour="red")

    assert response.status_code == 422
    assert set(response.get_json()["errors"]["json"]) == {"rule", "site", "colour"}


def test_until_needs_a_utc_offset(api, world):
    naive = (datetime.now(UTC) + timedelta(days=2)).replace(tzinfo=None).isoformat()

    response = snooze(api, world, until=naive)

    assert response.status_code == 422
    assert list(response.get_json()["errors"]["json"]) == ["until"]


def test_another_teams_patient_cannot_be_snoozed(api, world, db_session):
    response = snooze(api, world, patient=world.patient_b)

    assert response.status_code == 404
    assert db_session.scalars(select(Snooze)).all() == []


def end(api, world, snooze_id, as_="clinician_a", patient=None):
    patient_id = (patient or world.patient_a).id
    return api.post(f"/api/v1/patients/{patient_id}/snoozes/{snooze_id}/end", as_=as_)


def thoracic_pain_at(moment):
    return report_wire(
        moment.date(), site("spine_thoracic", 6), hour=moment.hour, minute=moment.minute
    )


def test_a_snooze_ended_early_keeps_its_row_ending_now(api, world, db_session):
    snoozed = snooze(api, world).get_json()

    response = end(api, world, snoozed["id"])

    assert response.status_code == 200
    row = db_session.scalars(select(Snooze)).one()
    assert row.starts_at <= row.until <= datetime.now(UTC)
    assert row.reason == "Known thoracic deficit, under review."


def test_a_rule_alerts_again_once_its_snooze_is_ended(api, world):
    snoozed = snooze(api, world).get_json()
    soon = datetime.now(UTC) + timedelta(minutes=5)
    held_back = [*thoracic_pain_history()[:-1], thoracic_pain_at(soon)]
    assert push(api, reports=held_back).status_code == 200
    assert alerts(api) == []

    assert end(api, world, snoozed["id"]).status_code == 200
    assert push(api, reports=[thoracic_pain_at(soon + timedelta(minutes=1))]).status_code == 200

    assert [alert["rule"] for alert in alerts(api)] == ["spinal_pain_red_flag"]


def test_ending_a_snooze_twice_changes_nothing_the_second_time(api, world, db_session):
    snoozed = snooze(api, world).get_json()
    first = end(api, world, snoozed["id"]).get_json()

    second = end(api, world, snoozed["id"])

    assert second.status_code == 200
    assert second.get_json()["until"] == first["until"]


def test_another_patients_snooze_cannot_be_ended_through_this_patients_url(api, world, db_session):
    snoozed = snooze(api, world, as_="clinician_b", patient=world.patient_b).get_json()

    response = end(api, world, snoozed["id"], as_="clinician_a", patient=world.patient_a)

    assert response.status_code == 404
    row = db_session.scalars(select(Snooze)).one()
    assert row.until > datetime.now(UTC)

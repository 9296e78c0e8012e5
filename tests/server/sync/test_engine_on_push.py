"""The engine runs in the sync transaction: alerts and their outbox rows commit with the data."""

from sqlalchemy import select

from server.models import Alert, AlertEvent
from tests.server.sync.pushes import days_ago, push
from tests.shared.builders import report_wire, site


def three_weeks_ending_yesterday(last_day_sites, first: int = 21, last: int = 1):
    """A pain-free check-in each day, then `last_day_sites` on the last day."""
    reports = [report_wire(days_ago(n)) for n in range(first, last, -1)]
    reports.append(report_wire(days_ago(last), *last_day_sites))
    return reports


def test_new_thoracic_pain_raises_an_urgent_alert_with_evidence(api, db_session):
    reports = three_weeks_ending_yesterday([site("spine_thoracic", 6)])

    response = push(api, reports=reports)

    assert response.status_code == 200
    alert = db_session.scalars(select(Alert)).one()
    assert (alert.rule, alert.tier, alert.site, alert.status) == (
        "spinal_pain_red_flag",
        "urgent",
        "spine_thoracic",
        "open",
    )
    assert alert.evidence == [reports[-1]["id"]]
    assert "6/10" in alert.explanation
    assert "NICE" in alert.citation
    assert len(alert.config_hash) == 64
    events = db_session.scalars(select(AlertEvent)).all()
    assert [(e.type, e.tier, e.alert_id) for e in events] == [("alert.raised", "urgent", alert.id)]


def test_pushing_the_same_history_again_raises_nothing_new(api, db_session):
    reports = three_weeks_ending_yesterday([site("spine_thoracic", 6)])

    push(api, reports=reports)
    push(api, reports=reports)

    assert len(db_session.scalars(select(Alert)).all()) == 1
    assert len(db_session.scalars(select(AlertEvent)).all()) == 1


def test_a_neurological_symptom_raises_an_emergency(api, db_session):
    push(api, reports=[report_wire(days_ago(0), symptoms=["limb_weakness"], hour=0, minute=1)])

    alert = db_session.scalars(select(Alert)).one()
    assert (alert.rule, alert.tier) == ("mscc_neuro_red_flag", "emergency")


def test_a_year_old_backfill_raises_only_historical_alerts_and_notifies_nobody(api, db_session):
    reports = three_weeks_ending_yesterday([site("spine_thoracic", 6)], first=385, last=365)

    push(api, reports=reports)

    alert = db_session.scalars(select(Alert)).one()
    assert (alert.rule, alert.status, alert.historical) == (
        "spinal_pain_red_flag",
        "resolved",
        True,
    )
    # Nobody resolved it: no one's name goes into its thread.
    assert (alert.resolved_by, alert.notes) == (None, [])
    assert db_session.scalars(select(AlertEvent)).all() == []


def test_an_edited_evidence_record_keeps_the_alert_and_is_marked_withdrawn(api, db_session):
    reports = three_weeks_ending_yesterday([site("spine_thoracic", 6)])
    push(api, reports=reports)
    corrected = {**reports[-1], "revision": 2, "sites": []}

    push(api, reports=[corrected])

    alert = db_session.scalars(select(Alert)).one()
    assert alert.status == "open"
    assert alert.withdrawn == [reports[-1]["id"]]


def test_a_bad_item_in_the_push_does_not_stop_the_engine_for_the_good_ones(api, db_session):
    good = report_wire(days_ago(0), symptoms=["limb_weakness"], hour=0, minute=1)
    bad = {**report_wire(days_ago(0)), "symptoms": ["hiccups"]}

    body = push(api, reports=[bad, good]).get_json()

    assert body["accepted"] == [good["id"]]
    assert db_session.scalars(select(Alert.rule)).all() == ["mscc_neuro_red_flag"]


def test_a_treatment_entered_later_re_runs_the_engine_at_the_servers_clock(api, db_session):
    from tests.server.sync.pushes import report_at

    jaw_pain = report_at(hours_from_now=-0.001)
    jaw_pain["sites"] = [site("jaw", 3)]
    push(api, reports=[jaw_pain])
    assert db_session.scalars(select(Alert)).all() == []
    bisphosphonate = {
        "id": "6f1c0a52-2f57-4c55-9d0b-3b0f1f6c1a10",
        "kind": "bisphosphonate",
        "sites": [],
        "started_on": days_ago(30).isoformat(),
        "ended_on": days_ago(30).isoformat(),
        "revision": 1,
        "deleted": False,
        "details": {"agent": "zoledronic_acid", "interval_weeks": 4},
    }

    url = f"/api/v1/patients/{api.world.patient_a.id}/treatments"
    assert api.post(url, "clinician_a", json=bisphosphonate).status_code == 201

    alert = db_session.scalars(select(Alert)).one()
    assert (alert.rule, alert.site, alert.status) == ("possible_mronj", None, "open")

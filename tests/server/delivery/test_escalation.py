"""Escalation to contacts: at the team's minute and not before; acknowledging stops it."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from server.models import AlertEvent, EscalationPolicy
from server.models.base import utcnow
from tests.server.delivery.builders import (
    only_alert,
    raise_emergency,
    raise_urgent,
    with_channels,
    with_escalation_contact,
)


def escalations(session):
    session.expire_all()
    return session.scalars(select(AlertEvent).where(AlertEvent.type == "alert.escalated")).all()


def test_an_unacknowledged_emergency_escalates_at_minute_15_and_not_before(
    api, world, db_session, mailbox, workers, clock
):
    with_channels(db_session, world.team_a)
    with_escalation_contact(db_session, world.team_a, world.clinician_b)
    raise_emergency(api)
    alert = only_alert(db_session)
    worker = workers(clock=clock)

    for minute in range(15):
        clock.now = alert.created_at + timedelta(minutes=minute)
        worker.run_once()
        assert escalations(db_session) == [], f"escalated at minute {minute}"
    clock.now = alert.created_at + timedelta(minutes=15)
    worker.run_once()

    (event,) = escalations(db_session)
    assert (event.tier, event.created_at) == ("emergency", clock.now)
    assert only_alert(db_session).escalated_at == clock.now
    (message,) = mailbox.to(world.clinician_b.email)
    assert "escalated" in message.get_body(("plain",)).get_content()
    worker.run_once()
    assert len(escalations(db_session)) == 1


def test_the_contact_sees_the_escalation_on_their_stream(api, world, db_session, workers, clock):
    with_escalation_contact(db_session, world.team_a, world.clinician_b)
    raise_emergency(api)
    alert = only_alert(db_session)
    clock.now = alert.created_at + timedelta(minutes=16)
    workers(clock=clock).run_once()

    text = api.get(
        "/api/v1/events?timeout=0", "clinician_b", headers={"Last-Event-ID": "0"}
    ).get_data(as_text=True)

    assert "event: alert.escalated" in text
    assert "event: alert.raised" not in text


def test_acknowledging_an_urgent_alert_stops_its_escalation(
    api, world, db_session, mailbox, workers, clock
):
    with_escalation_contact(db_session, world.team_a, world.clinician_b)
    raise_urgent(api)
    alert = only_alert(db_session)
    worker = workers(clock=clock)
    clock.now = alert.created_at + timedelta(hours=3, minutes=59)
    worker.run_once()
    alert.status = "acknowledged"
    alert.acknowledged_at = clock.now
    alert.acknowledged_by = world.clinician_a.id
    db_session.commit()

    for hours in (4, 5, 24):
        clock.now = alert.created_at + timedelta(hours=hours)
        worker.run_once()

    assert escalations(db_session) == []
    assert only_alert(db_session).escalated_at is None
    assert mailbox.to(world.clinician_b.email) == []


def test_a_team_sets_its_own_urgent_timer(api, world, db_session, workers, clock):
    db_session.add(
        EscalationPolicy(
            care_team_id=world.team_a.id,
            clinic_id=world.clinic.id,
            emergency_minutes=5,
            urgent_minutes=60,
        )
    )
    db_session.commit()
    raise_urgent(api)
    alert = only_alert(db_session)
    worker = workers(clock=clock)

    clock.now = alert.created_at + timedelta(minutes=59)
    worker.run_once()
    assert escalations(db_session) == []
    clock.now = alert.created_at + timedelta(minutes=60)
    worker.run_once()
    assert len(escalations(db_session)) == 1
    assert utcnow() - only_alert(db_session).created_at < timedelta(minutes=5)


def test_the_thread_says_whom_the_escalation_was_for(
    api, world, db_session, mailbox, workers, clock
):
    with_channels(db_session, world.team_a)
    with_escalation_contact(db_session, world.team_a, world.clinician_b)
    raise_emergency(api)
    alert = only_alert(db_session)
    clock.now = alert.created_at + timedelta(minutes=15)

    workers(clock=clock).run_once()

    (listed,) = api.get("/api/v1/alerts", "clinician_a").get_json()
    assert [(n["action"], n["text"], n["author"]) for n in listed["notes"]] == [
        (
            "escalated",
            "Not acknowledged within 15 minutes: sent to the team's 1 escalation contact.",
            None,
        )
    ]


def test_a_team_without_escalation_contacts_gets_a_thread_entry_not_an_escalated_log(
    api, world, db_session, mailbox, workers, clock, caplog
):
    caplog.set_level(logging.INFO, logger="server.delivery.scheduler")
    with_channels(db_session, world.team_a)
    raise_emergency(api)
    alert = only_alert(db_session)
    clock.now = alert.created_at + timedelta(minutes=15)

    workers(clock=clock).run_once()

    (listed,) = api.get("/api/v1/alerts", "clinician_a").get_json()
    assert [(n["action"], n["text"]) for n in listed["notes"]] == [
        (
            "escalated",
            "Not acknowledged within 15 minutes: the team has no escalation contact, "
            "so nobody was emailed.",
        )
    ]
    messages = [record.getMessage() for record in caplog.records]
    assert not any(message.startswith("escalated") for message in messages), messages
    assert any("no escalation contact; nobody was emailed" in message for message in messages)

"""From a sync that raises an alert to the team's channels, by tier, with real SMTP and HTTP."""

from __future__ import annotations

import logging
import threading
from datetime import date

from sqlalchemy import select

from server.models import AlertEvent, Delivery, Patient, StreamEvent
from tests.server.delivery.builders import (
    TEAM_INBOX,
    only_alert,
    raise_emergency,
    raise_urgent,
    with_channels,
)
from tests.server.delivery.conftest import BASE_URL
from tests.server.delivery.receivers import wait_for
from tests.server.sync.pushes import a_report, push


def read_stream_until(response, wanted: str, found: list[str]) -> None:
    for chunk in response.response:
        found.append(chunk.decode() if isinstance(chunk, bytes) else chunk)
        if wanted in "".join(found):
            return


def test_an_emergency_reaches_email_a_signed_webhook_and_the_stream(
    api, world, db_session, receiver, mailbox, workers
):
    with_channels(db_session, world.team_a, receiver.url, receiver.secret)
    stream = api.get("/api/v1/events?timeout=30", "clinician_a", buffered=False)
    assert stream.status_code == 200
    assert stream.mimetype == "text/event-stream"
    seen: list[str] = []
    patient_id = str(world.patient_a.id)
    reader = threading.Thread(target=read_stream_until, args=(stream, patient_id, seen))
    reader.start()
    worker = workers()
    runner = threading.Thread(target=worker.run)
    runner.start()

    raise_emergency(api)

    try:
        wait_for(lambda: mailbox.to(TEAM_INBOX) and receiver.calls)
        reader.join(30)
    finally:
        worker.stop.set()
        runner.join(30)
        stream.close()
    alert = only_alert(db_session)
    hook = receiver.calls[0]
    assert hook.verified
    assert hook.body == {
        "type": "alert.raised",
        "alert_id": str(alert.id),
        "patient_id": patient_id,
        "rule": "mscc_neuro_red_flag",
        "tier": "emergency",
        "site": None,
        "link": f"{BASE_URL}/patients/{patient_id}",
    }
    text = "".join(seen)
    assert "event: alert.raised" in text and f'"alert_id": "{alert.id}"' in text


def test_the_email_names_the_patient_by_id_and_link_only(
    api, world, db_session, mailbox, workers, caplog
):
    caplog.set_level(logging.DEBUG)
    with_channels(db_session, world.team_a)
    patient = db_session.get(Patient, world.patient_a.id)
    patient.mrn, patient.birth_date = "RX7654321", date(1950, 4, 17)
    db_session.commit()
    raise_emergency(api)

    workers().run_once()

    (message,) = mailbox.to(TEAM_INBOX)
    patient_id = str(world.patient_a.id)
    assert patient_id in message["Subject"] and "EMERGENCY" in message["Subject"]
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    link = f"{BASE_URL}/patients/{patient_id}"
    assert link in plain and link in html
    for part in (message["Subject"], plain, html, caplog.text):
        assert world.patient_a.display_name not in part
        assert "RX7654321" not in part
        assert "1950" not in part and "17 Apr" not in part
    delivery = db_session.scalars(select(Delivery).where(Delivery.channel == "email")).one()
    assert message["Message-ID"] == f"<{delivery.id}@painline>"


def test_urgent_goes_to_every_channel_and_priority_skips_the_stream(
    api, world, db_session, receiver, workers
):
    with_channels(db_session, world.team_a, receiver.url, receiver.secret)
    raise_urgent(api)

    workers().run_once()

    channels = sorted(db_session.scalars(select(Delivery.channel)))
    assert channels == ["email", "webhook"]
    assert len(db_session.scalars(select(StreamEvent)).all()) == 1
    assert all(delivery.delivered_at for delivery in db_session.scalars(select(Delivery)))


def test_routine_and_info_events_are_dispatched_without_any_delivery(
    api, world, db_session, workers
):
    from server.models import Alert

    with_channels(db_session, world.team_a)
    push(api, reports=[a_report(1)])
    alert = Alert(
        clinic_id=world.clinic.id,
        patient_id=world.patient_a.id,
        rule="missed_check_ins",
        rule_version=1,
        tier="routine",
        explanation="",
        suggested_action="",
        citation="",
        config_hash="0" * 64,
        raised_at=world.patient_a.created_at,
        evidence=[],
        withdrawn=[],
    )
    db_session.add(alert)
    db_session.flush()
    for tier in ("routine", "info"):
        db_session.add(
            AlertEvent(
                clinic_id=alert.clinic_id,
                patient_id=alert.patient_id,
                alert_id=alert.id,
                type="alert.raised",
                tier=tier,
            )
        )
    db_session.commit()

    workers().run_once()

    db_session.expire_all()
    assert all(e.dispatched_at for e in db_session.scalars(select(AlertEvent)))
    assert db_session.scalars(select(Delivery)).all() == []
    assert db_session.scalars(select(StreamEvent)).all() == []


def test_a_second_worker_round_sends_nothing_twice(api, world, db_session, receiver, workers):
    with_channels(db_session, world.team_a, receiver.url, receiver.secret)
    raise_emergency(api)
    worker = workers()

    worker.run_once()
    worker.run_once()

    assert len(receiver.calls) == 1

"""A receiver that trickles its answer delays only its own delivery: it fails at the delivery
deadline (webhook or SMTP), while another team's email goes out at once and the worker's
heartbeat keeps beating."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from server.delivery.deadline import DeadlinePassed
from server.delivery.heartbeat import HEARTBEAT_CONFIG_KEY
from server.delivery.senders import send_email
from server.models import Delivery, Webhook, WorkerHeartbeat
from tests.server.delivery.builders import TEAM_INBOX, raise_emergency, with_channels
from tests.server.delivery.receivers import a_secret, wait_for
from tests.server.delivery.trickle import SMTP_GREETING, TricklingReceiver

# Shorter than the 10 s default to keep the test short; the trickle would take over a minute.
DEADLINE_SECONDS = 6.0
HEARTBEAT_SECONDS = 0.5


@pytest.fixture
def trickling() -> Iterator[TricklingReceiver]:
    receiver = TricklingReceiver(every=2.0).start()
    yield receiver
    receiver.stop()


def webhook_only(session, team, url: str) -> None:
    session.add(Webhook(clinic_id=team.clinic_id, care_team_id=team.id, url=url, secret=a_secret()))
    session.commit()


def webhook_delivery(session) -> Delivery | None:
    session.expire_all()
    return session.scalars(select(Delivery).where(Delivery.channel == "webhook")).one_or_none()


def latest_beat(session):
    session.expire_all()
    value = session.scalar(select(func.max(WorkerHeartbeat.beat_at)))
    session.commit()
    return value


def test_a_trickling_webhook_delays_neither_another_teams_email_nor_the_heartbeat(
    app, api, world, db_session, mailbox, trickling, workers, monkeypatch
):
    monkeypatch.setattr("server.delivery.deadline.DELIVERY_DEADLINE_SECONDS", DEADLINE_SECONDS)
    app.config[HEARTBEAT_CONFIG_KEY] = HEARTBEAT_SECONDS
    webhook_only(db_session, world.team_a, trickling.url)
    with_channels(db_session, world.team_b)
    worker = workers(poll_seconds=0.2)
    running = threading.Thread(target=worker.run)
    running.start()
    try:
        raise_emergency(api, "device_a")
        assert trickling.answering.wait(30), "the webhook was never called"
        beats = {latest_beat(db_session)}

        raise_emergency(api, "device_b")
        wait_for(lambda: mailbox.to(TEAM_INBOX), seconds=5)
        emailed_after = time.monotonic() - trickling.answering_since
        assert trickling.trickling, "the email waited for the trickle to end"

        def failed() -> Delivery | None:
            beats.add(latest_beat(db_session))
            delivery = webhook_delivery(db_session)
            return delivery if delivery and delivery.last_error else None

        delivery = wait_for(failed, seconds=DEADLINE_SECONDS + 15, every=0.2)
        failed_after = time.monotonic() - trickling.answering_since
    finally:
        worker.stop.set()
        running.join(30)

    assert emailed_after < DEADLINE_SECONDS
    assert delivery.last_error == f"no complete answer within {DEADLINE_SECONDS:g} s"
    assert delivery.delivered_at is None and delivery.next_attempt_at > delivery.created_at
    assert DEADLINE_SECONDS - 1 <= failed_after < DEADLINE_SECONDS + 10
    assert trickling.hung_up.wait(5), "the worker kept the trickling connection open"
    assert trickling.bytes_sent < 10
    # Several beats while the only busy sender waited on the trickle.
    assert len(beats) >= 4, beats


def test_an_smtp_server_trickling_its_greeting_fails_the_email_at_the_deadline(monkeypatch):
    monkeypatch.setattr("server.delivery.deadline.DELIVERY_DEADLINE_SECONDS", 3.0)
    server = TricklingReceiver(every=1.0, answer=SMTP_GREETING).start()
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.org", TEAM_INBOX, "Alert"
    started = time.monotonic()
    try:
        with pytest.raises(DeadlinePassed, match="no complete answer within 3 s"):
            send_email(f"smtp://127.0.0.1:{server.port}", message)
        took = time.monotonic() - started
        assert server.hung_up.wait(5), "the sender kept the trickling connection open"
    finally:
        server.stop()

    assert 2 <= took < 8
    assert server.bytes_sent < len(SMTP_GREETING)

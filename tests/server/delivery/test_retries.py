"""Retries with backoff while a receiver is down, and the dead letter when it never returns."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from server.models import DeadLetter, Delivery
from tests.server.delivery.builders import raise_emergency, raise_urgent, with_channels


def run_for(worker, clock, hours: float, step_minutes: float = 5) -> None:
    end = clock.now + timedelta(hours=hours)
    while clock.now < end:
        worker.run_once()
        clock.advance(minutes=step_minutes)


def webhook_deliveries(session):
    session.expire_all()
    return session.scalars(select(Delivery).where(Delivery.channel == "webhook")).all()


def test_a_receiver_down_for_six_hours_gets_every_notification_once_it_is_back(
    api, world, db_session, receiver, workers, clock
):
    with_channels(db_session, world.team_a, receiver.url, receiver.secret)
    receiver.stop()
    raise_emergency(api)
    raise_urgent(api)
    worker = workers(clock=clock)

    run_for(worker, clock, hours=6)
    assert receiver.calls == []
    assert all(d.attempts > 5 and d.delivered_at is None for d in webhook_deliveries(db_session))
    receiver.start()
    run_for(worker, clock, hours=2)

    deliveries = webhook_deliveries(db_session)
    # Two alerts raised, and both escalated while nobody acknowledged them.
    assert len(deliveries) == 4
    assert set(receiver.unique) == {str(d.id) for d in deliveries}
    assert all(hook.verified for hook in receiver.calls)
    assert all(d.delivered_at and d.dead_at is None for d in deliveries)


def test_retries_exhausted_make_a_dead_letter_and_email_the_admins(
    api, world, db_session, receiver, mailbox, workers, clock
):
    with_channels(db_session, world.team_a, receiver.url, receiver.secret)
    receiver.stop()
    raise_emergency(api)
    worker = workers(clock=clock)

    run_for(worker, clock, hours=23)
    assert db_session.scalars(select(DeadLetter)).all() == []
    run_for(worker, clock, hours=2)

    # The alert and its escalation: two events, each with its webhook delivery.
    deliveries = webhook_deliveries(db_session)
    assert len(deliveries) == 2
    assert all(d.dead_at is not None and d.attempts > 20 for d in deliveries)
    assert all("unreachable" in d.last_error for d in deliveries)
    dead = db_session.scalars(select(DeadLetter.delivery_id)).all()
    assert set(dead) == {d.id for d in deliveries}
    notices = mailbox.to(world.admin.email)
    assert len(notices) == 2
    for notice in notices:
        assert "undelivered" in notice["Subject"]
        assert receiver.url in notice.get_body(("plain",)).get_content()
        assert world.patient_a.display_name not in notice.as_string()
    assert api.get("/healthz").get_json()["dead_letters"] == 2

"""A dead letter tells the admins whose team's patient, which channel, the delivery id, the
attempts and the last error, and nothing clinical: no rule, tier, alert or patient id."""

from __future__ import annotations

from sqlalchemy import select

from server.delivery.notice import Notice, dead_letter_email
from server.delivery.undelivered import dead_deliveries
from server.models import Alert, Delivery
from tests.server.dashboard.conftest import Dashboard
from tests.server.delivery.builders import raise_emergency, with_channels
from tests.server.delivery.test_retries import run_for


def bury_one_webhook_delivery(api, world, db_session, receiver, workers, clock):
    with_channels(db_session, world.team_a, receiver.url, receiver.secret)
    receiver.stop()
    raise_emergency(api)
    run_for(workers(clock=clock), clock, hours=26, step_minutes=60)
    db_session.expire_all()
    alert = db_session.scalars(select(Alert)).one()
    dead = db_session.scalars(
        select(Delivery).where(Delivery.channel == "webhook", Delivery.dead_at.is_not(None))
    ).all()
    return alert, dead


def clinical_words(alert: Alert) -> list[str]:
    return [alert.rule, str(alert.patient_id), str(alert.id), alert.tier, alert.tier.upper()]


def test_the_admins_email_holds_no_clinical_data(
    api, world, db_session, receiver, mailbox, workers, clock
):
    alert, dead = bury_one_webhook_delivery(api, world, db_session, receiver, workers, clock)

    notices = mailbox.to(world.admin.email)
    assert notices and dead
    for notice in notices:
        text = notice.as_string()
        assert "could not be delivered" in notice.get_body(("plain",)).get_content()
        assert "https://painline.test/admin/dead-letters" in text
        assert "/patients/" not in text
        assert [word for word in clinical_words(alert) if word in text] == []
        assert world.patient_a.display_name not in text


def test_the_dead_letter_pages_say_whose_patient_and_which_channel_only(
    api, world, db_session, receiver, workers, clock, client
):
    alert, dead = bury_one_webhook_delivery(api, world, db_session, receiver, workers, clock)
    admin = Dashboard(client, world, "admin")

    listing = admin.get("/admin/dead-letters").get_data(as_text=True)
    letter_ids = [
        line.split('data-letter-id="')[1].split('"')[0]
        for line in listing.splitlines()
        if "data-letter-id" in line
    ]
    detail = admin.get(f"/admin/dead-letters/{letter_ids[0]}").get_data(as_text=True)

    sentence = f"An alert for a patient of {world.team_a.name} could not be delivered to"
    assert sentence in listing and sentence in detail
    assert f"the webhook {receiver.url}" in detail
    assert any(str(delivery.id) in detail for delivery in dead)
    assert "webhook unreachable" in detail
    for page in (listing, detail):
        assert [word for word in clinical_words(alert) if word in page] == []
        assert world.patient_a.display_name not in page


def test_the_full_description_of_an_events_dead_deliveries_reads_as_the_brief_says(
    api, world, db_session, receiver, workers, clock
):
    alert, dead = bury_one_webhook_delivery(api, world, db_session, receiver, workers, clock)
    notice = Notice(
        "alert.raised",
        str(alert.id),
        str(alert.patient_id),
        alert.rule,
        alert.tier,
        None,
        f"https://painline.test/patients/{alert.patient_id}",
    )

    [undelivered] = dead_deliveries(db_session, dead[0].event_id)
    message = dead_letter_email(notice, [undelivered], "p@x.org", "a@x.org", "<id@painline>")

    text = message.get_body(("plain",)).get_content()
    assert text.startswith(
        f"An alert for a patient of {world.team_a.name} could not be delivered to the webhook "
        f"{receiver.url}.\nDelivery id: {dead[0].id}; attempts: {dead[0].attempts}.\n"
        "Last error: webhook unreachable"
    )
    assert [word for word in clinical_words(alert) if word in message.as_string()] == []

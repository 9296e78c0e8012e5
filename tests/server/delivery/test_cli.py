"""Team channels from the command line."""

from __future__ import annotations

from sqlalchemy import select

from server.models import EmailChannel, EscalationContact, EscalationPolicy, Webhook
from tests.server.delivery.receivers import a_secret


def painline(runner, *args: str):
    return runner.invoke(args=["painline", *args])


def test_add_webhook_email_and_escalation_contact(runner, world, db_session):
    team = world.team_a.name

    results = [
        painline(
            runner,
            "add-webhook",
            "--team",
            team,
            "--url",
            "http://127.0.0.1:9/x",
            "--secret",
            a_secret(),
        ),
        painline(runner, "add-email", "--team", team, "--address", "ward@example.org"),
        painline(
            runner, "add-escalation-contact", "--team", team, "--user", world.clinician_b.email
        ),
        painline(runner, "set-escalation", "--team", team, "--emergency-minutes", "10"),
    ]

    assert [r.exit_code for r in results] == [0, 0, 0, 0], [r.output for r in results]
    db_session.expire_all()
    assert db_session.scalars(select(Webhook.url)).all() == ["http://127.0.0.1:9/x"]
    assert db_session.scalars(select(EmailChannel.address)).all() == ["ward@example.org"]
    assert db_session.scalars(select(EscalationContact.user_id)).all() == [world.clinician_b.id]
    assert db_session.get(EscalationPolicy, world.team_a.id).emergency_minutes == 10


def test_a_secret_that_is_not_standard_webhooks_is_refused(runner, world):
    result = painline(
        runner,
        "add-webhook",
        "--team",
        world.team_a.name,
        "--url",
        "http://127.0.0.1:9/x",
        "--secret",
        "hunter2",
    )

    assert result.exit_code == 1
    assert "whsec_" in result.output


def test_a_webhook_to_a_private_address_is_refused_as_on_the_admin_page(runner, world, db_session):
    url = "http://10.1.2.3/painline"
    args = ["add-webhook", "--team", world.team_a.name, "--url", url, "--secret", a_secret()]

    result = painline(runner, *args)

    assert result.exit_code == 1
    assert "resolves to 10.1.2.3, a private address" in result.output
    assert db_session.scalars(select(Webhook.url)).all() == []


def test_an_alert_email_entry_holds_one_address(runner, world, db_session):
    address = "ward@example.org, other@example.org"

    result = painline(runner, "add-email", "--team", world.team_a.name, "--address", address)

    assert result.exit_code == 1
    assert "one email address per entry" in result.output
    assert db_session.scalars(select(EmailChannel.address)).all() == []


def test_an_unknown_user_cannot_be_a_contact(runner, world):
    result = painline(
        runner,
        "add-escalation-contact",
        "--team",
        world.team_a.name,
        "--user",
        "nobody@example.org",
    )

    assert result.exit_code == 1
    assert "No user" in result.output

"""Commands for alert delivery: the worker, and each team's channels and escalation contacts."""

from __future__ import annotations

import logging
import signal
from datetime import timedelta
from types import FrameType

import click
from flask import current_app
from flask.cli import with_appcontext

from server.cli.errors import reports_domain_errors
from server.delivery import settings
from server.delivery.webhook_policy import RefusedWebhook, WebhookPolicy, destination
from server.extensions import db
from server.services.admin.mail_fields import one_address
from server.services.errors import InvalidInput

TEAM = click.option("--team", required=True, help="The care team's name.")
CLINIC = click.option("--clinic", help="Needed when team names repeat across clinics.")


@click.command("worker")
@click.option("--poll", default=1.0, show_default=True, help="Seconds between looks for work.")
@click.option(
    "--lease", default=30.0, show_default=True, help="Seconds a claimed delivery stays claimed."
)
@with_appcontext
def worker(poll: float, lease: float) -> None:
    """Deliver alerts (email, webhooks, live stream), retry, escalate and run time-based rules."""
    from server.delivery.worker import Worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    loop = Worker(app, poll_seconds=poll, lease=timedelta(seconds=lease))

    def stop(_signum: int, _frame: FrameType | None) -> None:
        loop.stop.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    click.echo(f"Painline worker {loop.worker_id} delivering alerts; stop with Ctrl-C.")
    loop.run()


@click.command("add-email")
@TEAM
@click.option("--address", required=True, help="Where the team's alert email goes.")
@CLINIC
@with_appcontext
@reports_domain_errors
def add_email(team: str, address: str, clinic: str | None) -> None:
    """Send TEAM's emergency, urgent and priority alerts to an email address."""
    settings.add_email(db.session, team, one_address(address), clinic)
    click.echo(f"{team}: alert email goes to {address}.")


@click.command("add-webhook")
@TEAM
@click.option("--url", required=True, help="The receiver's http(s) URL.")
@click.option("--secret", required=True, help="whsec_ followed by 24-64 bytes of base64.")
@CLINIC
@with_appcontext
@reports_domain_errors
def add_webhook(team: str, url: str, secret: str, clinic: str | None) -> None:
    """POST TEAM's alert events to URL, signed the Standard Webhooks way with SECRET."""
    # The same check as the admin page's; each delivery checks again.
    try:
        destination(url, WebhookPolicy.of(current_app.config["PAINLINE"]))
    except RefusedWebhook as refused:
        raise InvalidInput(str(refused)) from None
    webhook = settings.add_webhook(db.session, team, url, secret, clinic)
    click.echo(f"{team}: webhook {webhook.id} posts to {url}.")


@click.command("add-escalation-contact")
@TEAM
@click.option("--user", "email", required=True, help="The clinician's email.")
@CLINIC
@with_appcontext
@reports_domain_errors
def add_escalation_contact(team: str, email: str, clinic: str | None) -> None:
    """Escalate TEAM's unacknowledged emergency and urgent alerts to a clinician."""
    settings.add_escalation_contact(db.session, team, email, clinic)
    click.echo(f"{team}: unacknowledged alerts escalate to {email}.")


@click.command("set-escalation")
@TEAM
@click.option("--emergency-minutes", type=int, default=15, show_default=True)
@click.option("--urgent-minutes", type=int, default=240, show_default=True)
@CLINIC
@with_appcontext
@reports_domain_errors
def set_escalation(
    team: str, emergency_minutes: int, urgent_minutes: int, clinic: str | None
) -> None:
    """Change how long TEAM's emergency and urgent alerts wait for acknowledgement."""
    settings.set_escalation_minutes(db.session, team, emergency_minutes, urgent_minutes, clinic)
    click.echo(f"{team}: escalate emergency after {emergency_minutes} min, urgent after ", nl=False)
    click.echo(f"{urgent_minutes} min.")


COMMANDS = (worker, add_email, add_webhook, add_escalation_contact, set_escalation)

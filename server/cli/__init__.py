"""`flask --app server painline ...`: operator commands."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from server.cli.accounts import (
    create_clinic,
    create_team,
    create_user,
    deactivate_user,
    reset_password,
)
from server.cli.devices import revoke_device
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.services.demo import seed_demo

painline = AppGroup("painline", help="Painline operator commands.")
for command in (
    create_clinic,
    create_team,
    create_user,
    deactivate_user,
    reset_password,
    revoke_device,
):
    painline.add_command(command)


@painline.command("seed-demo")
def seed_demo_command() -> None:
    """Add the demo clinic, team, clinician and patients when the database is empty."""
    login = seed_demo(db.session, utcnow(), current_rules_config())
    if login is None:
        click.echo("The database holds other data: no demo clinic added.")
    else:
        click.echo(f"Demo clinician: {login.email} / {login.password}")

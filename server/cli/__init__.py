"""`flask --app server painline ...`: operator commands."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from server.extensions import db
from server.services.demo import seed_demo

painline = AppGroup("painline", help="Painline operator commands.")


@painline.command("seed-demo")
def seed_demo_command() -> None:
    """Add the demo clinic, team and clinician when the database is empty."""
    login = seed_demo(db.session)
    if login is None:
        click.echo("The database holds other data: no demo clinic added.")
    else:
        click.echo(f"Demo clinician: {login.email} / {login.password}")

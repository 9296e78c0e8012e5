"""Commands for clinics, care teams and user accounts."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from server.cli.errors import reports_domain_errors
from server.extensions import db
from server.models import Role
from server.models.base import utcnow
from server.services import accounts


@click.command("create-clinic")
@click.argument("name")
@with_appcontext
@reports_domain_errors
def create_clinic(name: str) -> None:
    """Create a clinic called NAME."""
    clinic = accounts.create_clinic(db.session, name)
    click.echo(f"Created clinic {clinic.name} ({clinic.id}).")


@click.command("create-team")
@click.option("--clinic", "clinic_name", required=True, help="The clinic's name.")
@click.argument("team")
@with_appcontext
@reports_domain_errors
def create_team(clinic_name: str, team: str) -> None:
    """Create the care team TEAM in a clinic."""
    created = accounts.create_team(db.session, clinic_name, team)
    click.echo(f"Created care team {created.name} ({created.id}) in {clinic_name}.")


@click.command("create-user")
@click.option("--email", required=True)
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Asked for when left out, which keeps it out of the shell history.",
)
@click.option("--role", type=click.Choice([role.value for role in Role]), required=True)
@click.option("--team", "teams", multiple=True, help="A care team; repeat for several.")
@click.option("--clinic", "clinic_name", help="Needed when team names repeat across clinics.")
@click.option(
    "--totp", is_flag=True, help="Give a clinician an authenticator (admins always get one)."
)
@with_appcontext
@reports_domain_errors
def create_user(
    email: str,
    password: str,
    role: str,
    teams: tuple[str, ...],
    clinic_name: str | None,
    totp: bool,
) -> None:
    """Create a clinician or an admin; prints the authenticator URI when there is one."""
    created = accounts.create_user(
        db.session, email, password, Role(role), list(teams), clinic_name, totp
    )
    click.echo(f"Created {role} {created.user.email} ({created.user.id}).")
    if created.otpauth_uri:
        click.echo("Add this to the authenticator app (or show it as a QR code):")
        click.echo(created.otpauth_uri)


@click.command("deactivate-user")
@click.argument("email")
@with_appcontext
@reports_domain_errors
def deactivate_user(email: str) -> None:
    """Stop EMAIL from signing in and end their open sessions."""
    user = accounts.deactivate_user(db.session, email, utcnow())
    click.echo(f"Deactivated {user.email}; their tokens are revoked.")


@click.command("reset-password")
@click.argument("email")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@with_appcontext
@reports_domain_errors
def reset_password(email: str, password: str) -> None:
    """Give EMAIL a new password; their open sessions end."""
    user = accounts.reset_password(db.session, email, password, utcnow())
    click.echo(f"New password set for {user.email}; their tokens are revoked.")

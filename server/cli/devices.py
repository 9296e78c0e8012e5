"""Commands for patients' devices."""

from __future__ import annotations

import uuid

import click
from flask.cli import with_appcontext

from server.cli.errors import reports_domain_errors
from server.extensions import db
from server.models.base import utcnow
from server.services import devices


@click.command("revoke-device")
@click.argument("device_id", required=False, type=click.UUID)
@click.option("--patient", "patient_id", type=click.UUID, help="Revoke every device of a patient.")
@with_appcontext
@reports_domain_errors
def revoke_device(device_id: uuid.UUID | None, patient_id: uuid.UUID | None) -> None:
    """Revoke the device DEVICE_ID, or with --patient every device of a patient.

    The phone gets 401 at its next sync and asks its patient for a new enrollment code.
    """
    if (device_id is None) == (patient_id is None):
        raise click.UsageError("Give a DEVICE_ID or --patient, one of the two.")
    if device_id is not None:
        devices.revoke_device(db.session, device_id, utcnow())
        click.echo(f"Revoked device {device_id}.")
        return
    count = devices.revoke_all_devices_of(db.session, patient_id, utcnow())
    click.echo(f"Revoked {count} device(s) of patient {patient_id}.")

import uuid

from sqlalchemy import select

from server.models import DeviceToken
from tests.support.builders import a_device


def test_revoking_a_device_locks_that_phone_out(runner, api, world):
    result = runner.invoke(args=["painline", "revoke-device", str(world.device_a.id)])

    assert result.exit_code == 0, result.output
    assert api.get("/api/v1/patients", as_="device_a").status_code == 401
    assert api.get("/api/v1/patients", as_="device_b").status_code == 403


def test_revoking_every_device_of_a_patient(runner, db_session, world):
    a_device(db_session, world.patient_a)
    db_session.commit()

    result = runner.invoke(args=["painline", "revoke-device", "--patient", str(world.patient_a.id)])

    assert result.exit_code == 0, result.output
    assert "Revoked 2 device(s)" in result.output
    devices = db_session.scalars(
        select(DeviceToken).where(DeviceToken.patient_id == world.patient_a.id)
    ).all()
    assert all(device.revoked_at is not None for device in devices)


def test_an_unknown_device_is_reported(runner, world):
    result = runner.invoke(args=["painline", "revoke-device", str(uuid.uuid4())])

    assert result.exit_code == 1
    assert "No such device" in result.output


def test_revoke_device_needs_exactly_one_target(runner, world):
    result = runner.invoke(args=["painline", "revoke-device"])

    assert result.exit_code == 2
    assert "one of the two" in result.output

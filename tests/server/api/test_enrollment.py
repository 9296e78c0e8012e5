from datetime import timedelta

from sqlalchemy import update

from server.models import DeviceToken, EnrollmentCode, PatientStatus
from server.models.base import utcnow
from server.security.rate_limits import ENROLL_FAILURES_PER_ADDRESS

ENROLL = "/api/v1/enroll"


def enroll(api, code, address="10.0.0.9"):
    return api.post(
        ENROLL, json={"code": code, "device_name": "Pixel"}, environ_base={"REMOTE_ADDR": address}
    )


def sync_probe(api, token):
    """A staff route answers a live device token with 403 and a dead one with 401."""
    return api.client.get("/api/v1/patients", headers={"Authorization": f"Bearer {token}"})


def test_a_phone_trades_the_code_for_a_device_token(api, world):
    response = enroll(api, world.enrollment_code_a)

    assert response.status_code == 200
    body = response.get_json()
    assert body["patient_id"] == str(world.patient_a.id)
    # The token identifies a device: known (so not 401) but not allowed on staff routes.
    assert sync_probe(api, body["token"]).status_code == 403


def test_the_code_may_be_typed_loosely(api, world):
    typed = world.enrollment_code_a.replace("-", " ").lower()

    assert enroll(api, typed).status_code == 200


def test_a_spent_code_is_refused(api, world):
    enroll(api, world.enrollment_code_a)

    again = enroll(api, world.enrollment_code_a)

    assert again.status_code == 401
    assert "Ask your care team for a new one" in again.get_json()["message"]


def test_an_expired_code_is_refused(api, world, db_session):
    db_session.execute(update(EnrollmentCode).values(expires_at=utcnow() - timedelta(minutes=1)))
    db_session.commit()

    assert enroll(api, world.enrollment_code_a).status_code == 401


def test_a_discharged_patients_code_is_refused(api, world, db_session):
    world.patient_a.status = PatientStatus.DISCHARGED
    db_session.commit()

    assert enroll(api, world.enrollment_code_a).status_code == 401


def test_guessing_codes_from_one_address_is_stopped(api, world):
    for _ in range(ENROLL_FAILURES_PER_ADDRESS.max_failures):
        assert enroll(api, "AAAA-AAAA", address="198.51.100.1").status_code == 401

    blocked = enroll(api, world.enrollment_code_a, address="198.51.100.1")

    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    assert enroll(api, world.enrollment_code_a, address="198.51.100.2").status_code == 200


def test_a_discharged_patients_device_gets_401(api, world, db_session):
    world.patient_a.status = PatientStatus.DISCHARGED
    db_session.commit()

    assert sync_probe(api, world.tokens["device_a"]).status_code == 401


def test_a_revoked_device_gets_401(api, world, db_session):
    db_session.execute(update(DeviceToken).values(revoked_at=utcnow()))
    db_session.commit()

    assert sync_probe(api, world.tokens["device_a"]).status_code == 401


def test_a_device_unused_for_180_days_is_revoked_at_its_next_use(api, world, db_session):
    db_session.execute(
        update(DeviceToken)
        .where(DeviceToken.id == world.device_a.id)
        .values(last_used_at=utcnow() - timedelta(days=181))
    )
    db_session.commit()

    assert sync_probe(api, world.tokens["device_a"]).status_code == 401
    db_session.refresh(world.device_a)
    assert world.device_a.revoked_at is not None


def test_a_device_used_recently_keeps_working(api, world, db_session):
    db_session.execute(
        update(DeviceToken)
        .where(DeviceToken.id == world.device_a.id)
        .values(last_used_at=utcnow() - timedelta(days=179))
    )
    db_session.commit()

    assert sync_probe(api, world.tokens["device_a"]).status_code == 403
    db_session.refresh(world.device_a)
    assert utcnow() - world.device_a.last_used_at < timedelta(minutes=1)


def test_enroll_rejects_unknown_fields(api, world):
    response = api.post(ENROLL, json={"code": "X", "device_name": "P", "patient_id": "x"})

    assert response.status_code == 422
    assert "patient_id" in response.get_json()["errors"]["json"]

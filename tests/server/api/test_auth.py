from datetime import timedelta

import pyotp
from sqlalchemy import select, update

from server.models import ApiToken, FailedAttempt
from server.models.base import utcnow
from server.security.rate_limits import LOGIN_FAILURES_PER_ADDRESS
from server.services.authentication import LOGIN_FAILED_MESSAGE
from tests.support.builders import PASSWORD, a_clinician

LOGIN = "/api/v1/auth/login"


def log_in(api, email, password=PASSWORD, address="10.0.0.1", **extra):
    return api.post(
        LOGIN,
        json={"email": email, "password": password, **extra},
        environ_base={"REMOTE_ADDR": address},
    )


def test_clinician_logs_in_and_gets_a_12_hour_token_with_their_teams(api, world):
    response = log_in(api, "Clinician.A@example.org")

    assert response.status_code == 200
    body = response.get_json()
    assert body["user"]["email"] == "clinician.a@example.org"
    assert body["user"]["role"] == "clinician"
    assert body["user"]["teams"] == [{"id": str(world.team_a.id), "name": "Team A"}]
    headers = {"Authorization": f"Bearer {body['token']}"}
    assert api.client.get("/api/v1/patients", headers=headers).status_code == 200


def test_wrong_password_and_unknown_email_fail_alike(api, world):
    wrong_password = log_in(api, "clinician.a@example.org", password="not the password")
    no_account = log_in(api, "nobody@example.org")

    for response in (wrong_password, no_account):
        assert response.status_code == 401
        assert response.get_json()["message"] == LOGIN_FAILED_MESSAGE
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_admin_needs_the_authenticator_code(api, world):
    totp = pyotp.TOTP(world.admin.totp_secret)

    without_code = log_in(api, "admin@example.org")
    wrong_code = log_in(api, "admin@example.org", otp="000000")
    with_code = log_in(api, "admin@example.org", otp=totp.now())

    assert without_code.status_code == 401
    assert wrong_code.status_code == 401
    assert with_code.status_code == 200
    assert with_code.get_json()["user"]["role"] == "admin"


def test_an_authenticator_code_works_only_once(api, world):
    code = pyotp.TOTP(world.admin.totp_secret).now()

    first = log_in(api, "admin@example.org", otp=code)
    replayed = log_in(api, "admin@example.org", otp=code)

    assert first.status_code == 200
    assert replayed.status_code == 401


def test_clinician_with_an_authenticator_must_give_its_code(api, world, db_session):
    user = a_clinician(db_session, [world.team_a], "careful@example.org", totp=True)
    db_session.commit()

    without_code = log_in(api, "careful@example.org")
    with_code = log_in(api, "careful@example.org", otp=pyotp.TOTP(user.totp_secret).now())

    assert without_code.status_code == 401
    assert with_code.status_code == 200


def test_deactivated_user_cannot_log_in(api, world, db_session):
    world.clinician_a.active = False
    db_session.commit()

    assert log_in(api, "clinician.a@example.org").status_code == 401


def test_an_expired_token_is_refused(api, world, db_session):
    db_session.execute(update(ApiToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    db_session.commit()

    response = api.get("/api/v1/patients", as_="clinician_a")

    assert response.status_code == 401
    assert response.get_json()["status"] == "Unauthorized"


def test_logging_out_revokes_the_token(api, world):
    logged_out = api.post("/api/v1/auth/logout", as_="clinician_a")
    afterwards = api.get("/api/v1/patients", as_="clinician_a")

    assert logged_out.status_code == 204
    assert afterwards.status_code == 401


def test_a_made_up_token_is_refused(api, world):
    response = api.get("/api/v1/patients", headers={"Authorization": "Bearer made-up"})

    assert response.status_code == 401


def test_login_rejects_unknown_fields_with_a_message_per_field(api, world):
    response = api.post(LOGIN, json={"email": "a@b.c", "password": "x", "remember_me": True})

    assert response.status_code == 422
    assert "remember_me" in response.get_json()["errors"]["json"]


def test_login_with_wrong_types_is_a_422_naming_the_field(api, world):
    response = api.post(LOGIN, json={"email": 42, "password": ["x"]})

    assert response.status_code == 422
    errors = response.get_json()["errors"]["json"]
    assert set(errors) == {"email", "password"}


def test_malformed_json_is_a_400_in_the_error_shape(api, world):
    response = api.post(LOGIN, data="{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.get_json()["code"] == 400


def test_a_body_that_is_not_json_is_a_415(api, world):
    response = api.post(LOGIN, data="email=a&password=b", content_type="text/plain")

    assert response.status_code == 415
    assert "application/json" in response.get_json()["message"]


def test_a_json_array_instead_of_an_object_is_a_422(api, world):
    response = api.post(LOGIN, json=["clinician.a@example.org", PASSWORD])

    assert response.status_code == 422


def test_behind_a_trusted_proxy_failures_count_against_the_forwarded_address(
    database_url, app, db_session
):
    from tests.conftest import dispose, make_app

    proxied = make_app(database_url, ENVIRON={"PAINLINE_TRUSTED_PROXIES": "1"})
    with proxied.app_context():
        proxied.test_client().post(
            LOGIN,
            json={"email": "nobody@example.org", "password": "guess"},
            headers={"X-Forwarded-For": "203.0.113.5"},
            environ_base={"REMOTE_ADDR": "10.0.0.1"},
        )
        dispose(proxied)

    keys = db_session.scalars(
        select(FailedAttempt.key).where(FailedAttempt.scope == LOGIN_FAILURES_PER_ADDRESS.scope)
    ).all()
    assert keys == ["203.0.113.5"]


def test_a_nul_character_is_refused_before_it_reaches_the_database(api, world):
    response = api.post(LOGIN, json={"email": "a\x00b@example.org", "password": "x"})

    assert response.status_code == 422
    assert "NUL" in response.get_json()["message"]

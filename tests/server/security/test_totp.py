from datetime import UTC, datetime, timedelta

import pyotp

from server.security.totp import matching_step, new_secret, provisioning_uri

NOW = datetime(2026, 11, 28, 9, 0, 0, tzinfo=UTC)


def test_the_current_code_matches_the_current_step():
    secret = new_secret()
    code = pyotp.TOTP(secret).at(NOW)

    assert matching_step(secret, code, NOW) == int(NOW.timestamp()) // 30


def test_a_phone_one_step_off_is_forgiven_two_steps_is_not():
    secret = new_secret()
    totp = pyotp.TOTP(secret)

    assert matching_step(secret, totp.at(NOW - timedelta(seconds=30)), NOW) is not None
    assert matching_step(secret, totp.at(NOW - timedelta(seconds=90)), NOW) is None


def test_the_uri_names_painline_and_the_account():
    uri = provisioning_uri(new_secret(), "admin@example.org")

    assert uri.startswith("otpauth://totp/Painline:admin%40example.org?")
    assert "issuer=Painline" in uri

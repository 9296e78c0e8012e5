"""Signing a browser in through the login page, as a person would."""

from __future__ import annotations

from typing import Any

from tests.support.builders import PASSWORD


def sign_in(page: Any, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def sign_in_admin(page: Any, base_url: str, email: str, totp_secret: str) -> None:
    """Admins always give their authenticator's code."""
    import pyotp

    page.goto(f"{base_url}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("code", exact=False).fill(pyotp.TOTP(totp_secret).now())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/admin/users")

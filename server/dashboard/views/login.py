"""Signing in and out of the dashboard, with the API's login service (argon2, TOTP, rate limits)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for

from server.api.client import client_address
from server.dashboard.guard import safe_next
from server.extensions import db
from server.models.base import utcnow
from server.security.actors import Admin, Clinician
from server.security.current_actor import current_actor
from server.security.dashboard_session import end_session, start_session
from server.security.tokens import hash_token
from server.services import authentication
from server.services.errors import NotAuthenticated, TooManyAttempts


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/login", view_func=login, methods=["GET", "POST"])
    blp.add_url_rule("/logout", view_func=logout, methods=["POST"])


def login() -> Any:
    next_page = safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("login.html", next_page=next_page, email="")
    email = request.form.get("email", "")
    try:
        signed_in = authentication.log_in(
            db.session,
            email,
            request.form.get("password", ""),
            request.form.get("otp", "").strip() or None,
            client_address(),
            utcnow(),
        )
    except (NotAuthenticated, TooManyAttempts) as error:
        page = render_template(
            "login.html", next_page=next_page, email=email[:200], error=error.message
        )
        if isinstance(error, TooManyAttempts):
            return page, error.status, {"Retry-After": str(error.retry_after)}
        return page, error.status
    start_session(hash_token(signed_in.token), utcnow())
    return redirect(next_page or url_for("dashboard.worklist"), 303)


def logout() -> Any:
    actor = current_actor(session_cookie=True)
    if isinstance(actor, Clinician | Admin):
        authentication.log_out(db.session, actor, utcnow())
    end_session()
    return redirect(url_for("dashboard.login"), 303)

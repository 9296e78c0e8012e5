"""The public page where a user spends a one-time link on a password of their own choosing.

The token is the only credential, so every answer is no-store: the page and its URL stay out
of caches and the back-forward history.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from server.api.client import client_address
from server.extensions import db
from server.models.base import utcnow
from server.services import password_links
from server.services.accounts import MIN_PASSWORD_LENGTH
from server.services.errors import InvalidInput
from server.services.password_links import LinkGone

NO_STORE = {"Cache-Control": "no-store"}
DONE_MESSAGE = "Your password is set. Sign in with it."


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/set-password/<token>", view_func=set_password, methods=["GET", "POST"])


def set_password(token: str) -> Any:
    now, address = utcnow(), client_address()
    try:
        user = password_links.link_holder(db.session, token, address, now)
        if request.method == "GET":
            return form_page(token, user.email, None, 200)
        password_links.set_password(
            db.session,
            token,
            request.form.get("password", ""),
            request.form.get("repeated", ""),
            address,
            now,
        )
    except LinkGone as gone:
        page = render_template("password_link_gone.html", message=gone.message)
        return page, gone.status, NO_STORE
    except InvalidInput as refused:
        return form_page(token, user.email, refused.message, refused.status)
    flash(DONE_MESSAGE, "done")
    return redirect(url_for("dashboard.login"), 303)


def form_page(token: str, email: str, error: str | None, status: int) -> Any:
    page = render_template(
        "set_password.html",
        token=token,
        email=email,
        error=error,
        min_length=MIN_PASSWORD_LENGTH,
    )
    return page, status, NO_STORE

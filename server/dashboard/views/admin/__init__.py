"""The admin pages: users, care teams and their settings, dead letters, the audit log."""

from __future__ import annotations

import contextlib
import uuid

from flask import Blueprint, redirect, url_for
from werkzeug.wrappers import Response


def register(blp: Blueprint) -> None:
    from server.dashboard.views.admin import audit, clinic, dead_letters, teams, users

    for module in (users, teams, clinic, dead_letters, audit):
        module.register(blp)


def uuid_or_none(value: str | None) -> uuid.UUID | None:
    with contextlib.suppress(ValueError, TypeError):
        return uuid.UUID(value or "")
    return None


def back_to(endpoint: str, **values: object) -> Response:
    return redirect(url_for(endpoint, **values), 303)

"""The clinicians' dashboard: server-rendered pages over the same services as the API.

Pages sign in with a session cookie (`server.security.dashboard_session`) and every form
carries a CSRF token (`csrf.py`); `guard.py` enforces both before any view runs. The blueprint
is made per app, so each app (tests make many) wires its own.
"""

from __future__ import annotations

from flask import Blueprint, Flask


def register_dashboard(app: Flask) -> None:
    from server.dashboard import admin_audit, errors, guard, template_helpers
    from server.dashboard.views import register_views

    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=app.config["PAINLINE"].is_production
        or app.config.get("SESSION_COOKIE_SECURE", False),
        SESSION_COOKIE_NAME="painline_session",
    )
    blp = Blueprint(
        "dashboard",
        __name__,
        template_folder="templates",
        static_folder="static",
        static_url_path="/dashboard/static",
    )
    guard.install(blp)
    errors.install(blp)
    admin_audit.install(blp)
    template_helpers.install(blp)
    register_views(blp)
    app.register_blueprint(blp)

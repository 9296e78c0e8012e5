"""Before every dashboard request: a signed-in clinician (or the login page), and on posts a
valid CSRF token. A page request also restarts the session's idle clock."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from flask import Blueprint, Response, redirect, request, url_for

from server.dashboard.csrf import check_csrf
from server.extensions import db
from server.models.base import utcnow
from server.security.actors import Admin, Clinician
from server.security.current_actor import current_actor
from server.security.dashboard_session import mark_active
from server.services.errors import NotAllowed

# The set-password page's credential is the one-time link itself: its user cannot sign in yet.
PUBLIC_ENDPOINTS = frozenset(
    {"dashboard.login", "dashboard.set_password", "dashboard.static", "dashboard.favicon"}
)
# The open worklist refreshes its rows by itself; that is not the person being active.
BACKGROUND_ENDPOINTS = frozenset({"dashboard.worklist_rows"})


def install(blp: Blueprint) -> None:
    blp.before_request(guard)


def guard() -> Response | None:
    if request.endpoint in PUBLIC_ENDPOINTS:
        if request.method == "POST":
            check_csrf()
        return None
    actor = current_actor(session_cookie=True)
    if actor is None:
        return redirect(url_for("dashboard.login", next=safe_next(request.full_path)))
    if request.method == "POST":
        check_csrf()
    if request.endpoint not in BACKGROUND_ENDPOINTS:
        mark_active(utcnow())
    return None


def clinician() -> Clinician:
    """The signed-in clinician; the guard has already sent everyone else to the login page."""
    actor = current_actor(session_cookie=True)
    if not isinstance(actor, Clinician):
        # Admins manage users and teams; they see no clinical data.
        db.session.rollback()
        raise NotAllowed("The dashboard is for clinicians; administrators see no patient data.")
    return actor


def admin() -> Admin:
    """The signed-in admin; clinicians manage no users, teams or settings."""
    actor = current_actor(session_cookie=True)
    if not isinstance(actor, Admin):
        db.session.rollback()
        raise NotAllowed("These pages are for the clinic's administrators.")
    return actor


def safe_next(target: str | None) -> str | None:
    """Only a path of this site, else None (the worklist): never another host, never a 500.

    Browsers drop tabs and newlines from a URL and read `\\` as `/`, so `/%09/evil` or `/\\evil`
    would leave the site; such a target, its percent-encoded forms and anything with a control
    character (which Werkzeug refuses in a Location header) is dropped, not repaired.
    """
    if not target:
        return None
    decoded = unquote(target)
    if decoded != decoded.strip() or any(is_unsafe(c) for c in decoded):
        return None
    parts = urlsplit(decoded)
    if parts.scheme or parts.netloc or not decoded.startswith("/") or decoded.startswith("//"):
        return None
    target = target.rstrip("?")
    return None if target in ("/", "/login") else target


def is_unsafe(character: str) -> bool:
    # A plain space (a search term in the query) is harmless; other whitespace is not.
    unprintable = ord(character) < 0x20 or ord(character) == 0x7F
    return unprintable or character == "\\" or (character.isspace() and character != " ")

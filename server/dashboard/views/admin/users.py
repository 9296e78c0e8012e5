"""Admin pages for users: list, create, deactivate, new password, new authenticator."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, render_template, request

from server.dashboard.admin_audit import admin_audited
from server.dashboard.guard import admin
from server.dashboard.svg.qr import qr_svg
from server.dashboard.views.admin import back_to, uuid_or_none
from server.extensions import db
from server.models import Role
from server.models.base import utcnow
from server.services.admin import teams as team_service
from server.services.admin import users as user_service
from server.services.errors import InvalidInput

USERS = "/admin/users"
USER = f"{USERS}/<uuid:user_id>"


def register(blp: Blueprint) -> None:
    blp.add_url_rule(USERS, view_func=admin_users)
    blp.add_url_rule(USERS, view_func=create_user, methods=["POST"])
    blp.add_url_rule(f"{USER}/deactivate", view_func=deactivate_user, methods=["POST"])
    blp.add_url_rule(f"{USER}/password", view_func=reset_password, methods=["POST"])
    blp.add_url_rule(f"{USER}/totp", view_func=enrol_totp, methods=["POST"])


def admin_users() -> Any:
    who = admin()
    return render_template(
        "admin/users.html",
        users=user_service.clinic_users(db.session, who),
        teams=team_service.clinic_teams(db.session, who),
        roles=[role.value for role in Role],
        me=who.user_id,
    )


@admin_audited("admin.users.create")
def create_user() -> Any:
    who = admin()
    role = request.form.get("role", "")
    if role not in {r.value for r in Role}:
        raise InvalidInput("Choose a role: clinician or admin.")
    team_ids = [t for t in map(uuid_or_none, request.form.getlist("team_ids")) if t]
    created = user_service.create_user(
        db.session,
        who,
        request.form.get("email", ""),
        request.form.get("password", ""),
        Role(role),
        team_ids,
        request.form.get("totp") == "on",
    )
    if created.otpauth_uri:
        return enrolment_page(created.user.email, created.otpauth_uri, new=True)
    flash(f"Created {created.user.email}.", "done")
    return back_to("dashboard.admin_users")


@admin_audited("admin.users.deactivate")
def deactivate_user(user_id: uuid.UUID) -> Any:
    user = user_service.deactivate_user(db.session, admin(), user_id, utcnow())
    flash(f"{user.email} can no longer sign in; their sessions have ended.", "done")
    return back_to("dashboard.admin_users")


@admin_audited("admin.users.reset_password")
def reset_password(user_id: uuid.UUID) -> Any:
    password = request.form.get("password", "")
    user = user_service.reset_password(db.session, admin(), user_id, password, utcnow())
    flash(f"New password set for {user.email}; their sessions have ended.", "done")
    return back_to("dashboard.admin_users")


@admin_audited("admin.users.enrol_totp")
def enrol_totp(user_id: uuid.UUID) -> Any:
    who = admin()
    uri = user_service.enrol_totp(db.session, who, user_id)
    email = next(u.email for u in user_service.clinic_users(db.session, who) if u.id == user_id)
    return enrolment_page(email, uri, new=False)


def enrolment_page(email: str, uri: str, new: bool) -> Any:
    # Shown once: the secret is not displayed again. no-store keeps it out of caches.
    page = render_template(
        "admin/totp.html",
        email=email,
        uri=uri,
        qr=qr_svg(uri, f"Authenticator code for {email}"),
        new=new,
    )
    return page, 200, {"Cache-Control": "no-store"}

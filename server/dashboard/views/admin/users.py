"""Admin pages for users: list, create, deactivate, password link, new authenticator, failed
sign-ins."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, render_template, request, url_for

from server.dashboard.admin_audit import admin_audited
from server.dashboard.guard import admin
from server.dashboard.svg.qr import qr_svg
from server.dashboard.views.admin import back_to, uuid_or_none
from server.extensions import db
from server.models import Role
from server.models.base import utcnow
from server.services import failed_sign_ins
from server.services.admin import teams as team_service
from server.services.admin import users as user_service
from server.services.admin.users import UserWithLink
from server.services.errors import InvalidInput

USERS = "/admin/users"
USER = f"{USERS}/<uuid:user_id>"


def register(blp: Blueprint) -> None:
    blp.add_url_rule(USERS, view_func=admin_users)
    blp.add_url_rule(USERS, view_func=create_user, methods=["POST"])
    blp.add_url_rule(f"{USER}/deactivate", view_func=deactivate_user, methods=["POST"])
    blp.add_url_rule(f"{USER}/password", view_func=reset_password, methods=["POST"])
    blp.add_url_rule(f"{USER}/totp", view_func=enrol_totp, methods=["POST"])
    blp.add_url_rule(
        f"{USER}/failed-sign-ins/clear", view_func=clear_failed_sign_ins, methods=["POST"]
    )


def admin_users() -> Any:
    who = admin()
    users = user_service.clinic_users(db.session, who)
    return render_template(
        "admin/users.html",
        users=users,
        failures=failed_sign_ins.recent(db.session, [user.email for user in users], utcnow()),
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
        Role(role),
        team_ids,
        request.form.get("totp") == "on",
        utcnow(),
    )
    return password_link_page(created, new=True)


@admin_audited("admin.users.deactivate")
def deactivate_user(user_id: uuid.UUID) -> Any:
    user = user_service.deactivate_user(db.session, admin(), user_id, utcnow())
    flash(f"{user.email} can no longer sign in; their sessions have ended.", "done")
    return back_to("dashboard.admin_users")


@admin_audited("admin.users.reset_password")
def reset_password(user_id: uuid.UUID) -> Any:
    reset = user_service.reset_password(db.session, admin(), user_id, utcnow())
    return password_link_page(reset, new=False)


@admin_audited("admin.users.clear_failed_sign_ins")
def clear_failed_sign_ins(user_id: uuid.UUID) -> Any:
    user = user_service.clear_failed_sign_ins(db.session, admin(), user_id)
    flash(
        f"Failed sign-ins of {user.email} cleared: their sign-ins are no longer slowed down.",
        "done",
    )
    return back_to("dashboard.admin_users")


@admin_audited("admin.users.enrol_totp")
def enrol_totp(user_id: uuid.UUID) -> Any:
    who = admin()
    uri = user_service.enrol_totp(db.session, who, user_id)
    email = next(u.email for u in user_service.clinic_users(db.session, who) if u.id == user_id)
    return enrolment_page(email, uri)


def password_link_page(account: UserWithLink, new: bool) -> Any:
    # Shown once, never flashed: a flash would keep the link in the session cookie. no-store
    # keeps it out of caches and the browser's back-forward history.
    email = account.user.email
    uri = account.otpauth_uri
    page = render_template(
        "admin/password_link.html",
        email=email,
        link=url_for("dashboard.set_password", token=account.link_token, _external=True),
        new=new,
        uri=uri,
        qr=qr_svg(uri, f"Authenticator code for {email}") if uri else None,
    )
    return page, 200, {"Cache-Control": "no-store"}


def enrolment_page(email: str, uri: str) -> Any:
    # Shown once: the secret is not displayed again. no-store keeps it out of caches.
    page = render_template(
        "admin/totp.html",
        email=email,
        uri=uri,
        qr=qr_svg(uri, f"Authenticator code for {email}"),
        new=False,
    )
    return page, 200, {"Cache-Control": "no-store"}

"""Admin pages for care teams: the list, one team's members, phone settings and alert channels."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, current_app, flash, render_template, request, url_for

from server.dashboard.admin_audit import admin_audited
from server.dashboard.forms import WHOLE_FORM
from server.dashboard.guard import admin
from server.dashboard.typed_form import Forms, TypedForm, refused_form
from server.dashboard.views.admin import back_to, uuid_or_none
from server.delivery.webhook_policy import WebhookPolicy
from server.extensions import db
from server.models import Role
from server.services.admin import channels, teams, users
from server.services.admin.clinic import clinic_of, team_of
from server.services.errors import Conflict, DomainError, InvalidInput

TEAMS = "/admin/teams"
TEAM = f"{TEAMS}/<uuid:team_id>"
# The team page's fields as it labels them.
LABELS = {
    "helpline": "Helpline",
    "call_now_text": '"Call now" text',
    "out_of_hours_text": "Out-of-hours text",
    "check_in_reminder": "Check-in reminder",
    "emergency_number": "Emergency number",
    "address": "Email address",
    "url": "Webhook URL",
    "email": "Clinician's email",
}


def register(blp: Blueprint) -> None:
    blp.add_url_rule(TEAMS, view_func=admin_teams)
    blp.add_url_rule(TEAMS, view_func=create_team, methods=["POST"])
    blp.add_url_rule(TEAM, view_func=admin_team)
    blp.add_url_rule(f"{TEAM}/settings", view_func=team_settings, methods=["POST"])
    blp.add_url_rule(f"{TEAM}/members", view_func=add_member, methods=["POST"])
    blp.add_url_rule(
        f"{TEAM}/members/<uuid:user_id>/remove", view_func=remove_member, methods=["POST"]
    )
    blp.add_url_rule(f"{TEAM}/emails", view_func=add_email, methods=["POST"])
    blp.add_url_rule(
        f"{TEAM}/emails/<uuid:channel_id>/remove", view_func=remove_email, methods=["POST"]
    )
    blp.add_url_rule(f"{TEAM}/webhooks", view_func=add_webhook, methods=["POST"])
    blp.add_url_rule(
        f"{TEAM}/webhooks/<uuid:webhook_id>/remove", view_func=remove_webhook, methods=["POST"]
    )
    blp.add_url_rule(f"{TEAM}/contacts", view_func=add_contact, methods=["POST"])
    blp.add_url_rule(
        f"{TEAM}/contacts/<uuid:contact_id>/remove", view_func=remove_contact, methods=["POST"]
    )
    blp.add_url_rule(f"{TEAM}/escalation", view_func=escalation, methods=["POST"])
    blp.add_url_rule(f"{TEAM}/test-notification", view_func=test_notification, methods=["POST"])


def admin_teams() -> Any:
    who = admin()
    return render_template(
        "admin/teams.html",
        teams=teams.clinic_teams(db.session, who),
        clinic=clinic_of(db.session, who),
    )


@admin_audited("admin.teams.create")
def create_team() -> Any:
    team = teams.create_team(db.session, admin(), request.form.get("name", ""))
    flash(f"Created {team.name}.", "done")
    return back_to("dashboard.admin_team", team_id=team.id)


def admin_team(team_id: uuid.UUID) -> Any:
    return team_page(team_id, None)


def team_again(
    team_id: uuid.UUID, form: str, refusal: DomainError, field_name: str | None = None
) -> tuple[str, int]:
    """The team page once more, the refused form as typed with its errors by their fields.

    `field_name` is the field of a one-field form, whose refusals name no field.
    """
    db.session.rollback()
    renamed = {WHOLE_FORM: field_name} if field_name else None
    typed = refused_form(form, request.form, refusal, LABELS, renamed)
    return team_page(team_id, typed), refusal.status


def team_page(team_id: uuid.UUID, refused: TypedForm | None) -> str:
    who = admin()
    team = team_of(db.session, who, team_id)
    clinicians = [
        user
        for user in users.clinic_users(db.session, who)
        if user.role == Role.CLINICIAN and user.active
    ]
    return render_template(
        "admin/team.html",
        team=team,
        members=[user for user in clinicians if team in user.teams],
        others=[user for user in clinicians if team not in user.teams],
        channels=channels.team_channels(db.session, who, team_id),
        forms=Forms(refused),
    )


def back_to_team(team_id: uuid.UUID, message: str, anchor: str) -> Any:
    flash(message, "done")
    return back_to("dashboard.admin_team", team_id=team_id, _anchor=anchor)


def field(name: str) -> str:
    return request.form.get(name, "").strip()


@admin_audited("admin.teams.settings")
def team_settings(team_id: uuid.UUID) -> Any:
    settings = teams.TeamSettings(
        helpline=field("helpline"),
        call_now_text=field("call_now_text"),
        out_of_hours_text=field("out_of_hours_text"),
        check_in_reminder=field("check_in_reminder"),
        emergency_number=field("emergency_number"),
    )
    try:
        teams.update_settings(db.session, admin(), team_id, settings)
    except InvalidInput as refused:
        return team_again(team_id, "settings", refused)
    return back_to_team(team_id, "Saved; phones get the new settings at their next sync.", "phone")


@admin_audited("admin.teams.add_member")
def add_member(team_id: uuid.UUID) -> Any:
    user_id = uuid_or_none(request.form.get("user_id"))
    if user_id is None:
        raise InvalidInput("Choose a clinician to add.")
    teams.add_member(db.session, admin(), team_id, user_id)
    return back_to_team(team_id, "Member added.", "members")


@admin_audited("admin.teams.remove_member")
def remove_member(team_id: uuid.UUID, user_id: uuid.UUID) -> Any:
    teams.remove_member(db.session, admin(), team_id, user_id)
    return back_to_team(team_id, "Member removed.", "members")


@admin_audited("admin.channels.add_email")
def add_email(team_id: uuid.UUID) -> Any:
    try:
        channels.add_email(db.session, admin(), team_id, field("address"))
    except (InvalidInput, Conflict) as refused:
        return team_again(team_id, "email", refused, "address")
    return back_to_team(team_id, "Alert email address added.", "channels")


@admin_audited("admin.channels.remove_email")
def remove_email(team_id: uuid.UUID, channel_id: uuid.UUID) -> Any:
    channels.remove_email(db.session, admin(), team_id, channel_id)
    return back_to_team(team_id, "Alert email address removed.", "channels")


@admin_audited("admin.channels.add_webhook")
def add_webhook(team_id: uuid.UUID) -> Any:
    policy = WebhookPolicy.of(current_app.config["PAINLINE"])
    try:
        channels.add_webhook(db.session, admin(), team_id, field("url"), field("secret"), policy)
    except (InvalidInput, Conflict) as refused:
        return team_again(team_id, "webhook", refused)
    return back_to_team(team_id, "Webhook added.", "channels")


@admin_audited("admin.channels.remove_webhook")
def remove_webhook(team_id: uuid.UUID, webhook_id: uuid.UUID) -> Any:
    channels.remove_webhook(db.session, admin(), team_id, webhook_id)
    return back_to_team(team_id, "Webhook removed.", "channels")


@admin_audited("admin.escalation.add_contact")
def add_contact(team_id: uuid.UUID) -> Any:
    try:
        channels.add_contact(db.session, admin(), team_id, field("email"))
    except (InvalidInput, Conflict) as refused:
        return team_again(team_id, "contact", refused, "email")
    return back_to_team(team_id, "Escalation contact added.", "escalation")


@admin_audited("admin.escalation.remove_contact")
def remove_contact(team_id: uuid.UUID, contact_id: uuid.UUID) -> Any:
    channels.remove_contact(db.session, admin(), team_id, contact_id)
    return back_to_team(team_id, "Escalation contact removed.", "escalation")


@admin_audited("admin.escalation.minutes")
def escalation(team_id: uuid.UUID) -> Any:
    try:
        minutes = whole_minutes("emergency_minutes"), whole_minutes("urgent_minutes")
        channels.set_minutes(db.session, admin(), team_id, *minutes)
    except InvalidInput as refused:
        return team_again(team_id, "escalation", refused)
    return back_to_team(team_id, "Escalation times saved.", "escalation")


def whole_minutes(name: str) -> int:
    try:
        return int(field(name))
    except ValueError:
        raise InvalidInput("Write the minutes as whole numbers.") from None


@admin_audited("admin.channels.test")
def test_notification(team_id: uuid.UUID) -> Any:
    settings = current_app.config["PAINLINE"]
    link = (settings.base_url or request.host_url.rstrip("/")) + url_for("dashboard.worklist")
    results = channels.send_test_notification(db.session, admin(), team_id, settings, link)
    if not results:
        flash("This team has no alert email address or webhook to test.", "warning")
    for result in results:
        if result.error is None:
            flash(f"Test notification accepted by {result.target}.", "done")
        else:
            flash(f"Test notification to {result.target} failed: {result.error}", "error")
    return back_to("dashboard.admin_team", team_id=team_id, _anchor="channels")

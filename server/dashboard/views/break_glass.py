"""Break-glass: opening a patient outside the clinician's teams after stating why."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, current_app, flash, render_template, request, url_for

from server.api.audit import audited
from server.dashboard.guard import clinician
from server.dashboard.views.redirects import back_to_patient
from server.delivery.break_glass_report import report_break_glass
from server.extensions import db
from server.models.base import utcnow
from server.services.break_glass import BREAK_GLASS_MINUTES, MAX_REASON_LENGTH, break_glass


def register(blp: Blueprint) -> None:
    blp.add_url_rule(
        "/patients/<uuid:patient_id>/break-glass",
        view_func=break_glass_page,
        methods=["GET", "POST"],
    )


@audited("dashboard.break_glass")
def break_glass_page(patient_id: uuid.UUID) -> Any:
    who = clinician()
    if request.method == "GET":
        return render_form()
    report = break_glass(db.session, who, patient_id, request.form.get("reason", ""), utcnow())
    settings = current_app.config["PAINLINE"]
    audit_link = (settings.base_url or request.host_url.rstrip("/")) + url_for(
        "dashboard.audit_log", patient=str(patient_id)
    )
    report_break_glass(report, settings, audit_link)
    flash(
        f"Break-glass access for {BREAK_GLASS_MINUTES} minutes. It is in the audit log and "
        "your clinic's administrators have been told.",
        "warning",
    )
    return back_to_patient(patient_id)


def render_form() -> Any:
    return render_template(
        "break_glass.html", minutes=BREAK_GLASS_MINUTES, max_length=MAX_REASON_LENGTH
    )

"""Snoozing a rule for a patient, with a reason, for 1 to 14 days; and ending one early."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.forms.snooze import LABELS, RENAMED, snooze_fields
from server.dashboard.guard import clinician
from server.dashboard.views.patient import page_again
from server.dashboard.views.redirects import back_to_patient
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.services.errors import InvalidInput
from server.services.snoozes import end_snooze, snooze_rule

SNOOZES = "/patients/<uuid:patient_id>/snoozes"


def register(blp: Blueprint) -> None:
    blp.add_url_rule(SNOOZES, view_func=snooze, methods=["POST"])
    blp.add_url_rule(f"{SNOOZES}/<uuid:snooze_id>/end", view_func=end_early, methods=["POST"])


@audited("dashboard.snoozes.add")
def snooze(patient_id: uuid.UUID) -> Any:
    who = clinician()
    now = utcnow()
    try:
        fields = snooze_fields(request.form, now)
        snooze_rule(db.session, who, patient_id, fields, now)
    except InvalidInput as refused:
        return page_again(patient_id, "snooze", refused, LABELS, RENAMED)
    days = request.form.get("days", type=int)
    flash(f"Snoozed for {days} days.", "done")
    return back_to_patient(patient_id, "snoozes")


@audited("dashboard.snoozes.end")
def end_early(patient_id: uuid.UUID, snooze_id: uuid.UUID) -> Any:
    who = clinician()
    end_snooze(db.session, who, patient_id, snooze_id, utcnow(), current_rules_config())
    flash("Snooze ended: the rule alerts again from now.", "done")
    return back_to_patient(patient_id, "snoozes")

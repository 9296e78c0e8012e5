"""Saving the patient's context: team, time zone, helpline, status, lesions and the plan."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.forms.context import LABELS, context_from
from server.dashboard.guard import clinician
from server.dashboard.views.patient import page_again
from server.dashboard.views.redirects import back_to_patient
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.services.context import replace_context
from server.services.errors import InvalidInput


def register(blp: Blueprint) -> None:
    blp.add_url_rule(
        "/patients/<uuid:patient_id>/context", view_func=save_context, methods=["POST"]
    )


@audited("dashboard.context.replace")
def save_context(patient_id: uuid.UUID) -> Any:
    who = clinician()
    try:
        record = context_from(request.form, patient_id, current_rules_config())
        replace_context(db.session, who, patient_id, record, utcnow(), current_rules_config())
    except InvalidInput as refused:
        return page_again(patient_id, "context", refused, LABELS)
    flash("Patient details saved.", "done")
    return back_to_patient(patient_id, "context")

"""Acknowledging, commenting on and resolving an alert from the patient page, through the API's
own service."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.data.alerts import check_alert_of_patient
from server.dashboard.guard import clinician
from server.dashboard.views.redirects import back_to_patient
from server.dashboard.words import OUTCOME_LABELS
from server.extensions import db
from server.models.base import utcnow
from server.services import alert_review
from server.services.errors import InvalidInput
from shared.lifecycle import Outcome

ALERT = "/patients/<uuid:patient_id>/alerts/<uuid:alert_id>"
NOTE_LIMIT = 2000


def register(blp: Blueprint) -> None:
    blp.add_url_rule(f"{ALERT}/acknowledge", view_func=acknowledge, methods=["POST"])
    blp.add_url_rule(f"{ALERT}/resolve", view_func=resolve, methods=["POST"])
    blp.add_url_rule(f"{ALERT}/notes", view_func=comment, methods=["POST"])


@audited("dashboard.alerts.acknowledge")
def acknowledge(patient_id: uuid.UUID, alert_id: uuid.UUID) -> Any:
    who = clinician()
    check_alert_of_patient(db.session, who, patient_id, alert_id)
    note = request.form.get("note", "").strip()[:NOTE_LIMIT] or None
    alert_review.acknowledge_alert(db.session, who, alert_id, note, utcnow())
    flash("Alert acknowledged.", "done")
    return back_to_patient(patient_id, f"alert-{alert_id}")


@audited("dashboard.alerts.comment")
def comment(patient_id: uuid.UUID, alert_id: uuid.UUID) -> Any:
    who = clinician()
    check_alert_of_patient(db.session, who, patient_id, alert_id)
    text = request.form.get("text", "").strip()
    if not text or len(text) > NOTE_LIMIT:
        raise InvalidInput(
            "To add a comment, write a few words (at most 2000 characters).",
            {"text": ["a comment of 1 to 2000 characters"]},
        )
    alert_review.comment_on_alert(db.session, who, alert_id, text, utcnow())
    flash("Comment added.", "done")
    return back_to_patient(patient_id, f"alert-{alert_id}")


@audited("dashboard.alerts.resolve")
def resolve(patient_id: uuid.UUID, alert_id: uuid.UUID) -> Any:
    who = clinician()
    check_alert_of_patient(db.session, who, patient_id, alert_id)
    note = request.form.get("note", "").strip()
    outcome = request.form.get("outcome", "")
    if not note or outcome not in OUTCOME_LABELS or len(note) > NOTE_LIMIT:
        raise InvalidInput(
            "To resolve an alert, write a note (at most 2000 characters) and choose an outcome.",
            {"form": ["note and outcome are required"]},
        )
    alert_review.resolve_alert(db.session, who, alert_id, Outcome(outcome), note, utcnow())
    flash("Alert resolved.", "done")
    return back_to_patient(patient_id, f"alert-{alert_id}")

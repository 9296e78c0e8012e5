"""Snoozing a rule for a patient, with a reason, for 1 to 14 days."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.guard import clinician
from server.dashboard.views.redirects import back_to_patient
from server.extensions import db
from server.models.base import utcnow
from server.services.errors import InvalidInput
from server.services.snoozes import snooze_rule
from shared.vocab import SITES


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/patients/<uuid:patient_id>/snoozes", view_func=snooze, methods=["POST"])


@audited("dashboard.snoozes.add")
def snooze(patient_id: uuid.UUID) -> Any:
    who = clinician()
    now = utcnow()
    days = request.form.get("days", type=int)
    if days is None or not 1 <= days <= 14:
        raise InvalidInput("Choose how many days to snooze for (1 to 14).", {"days": ["1-14"]})
    site = request.form.get("site") or None
    fields = {
        "rule": request.form.get("rule", ""),
        "site": site if site in SITES else None,
        "until": now + timedelta(days=days),
        "reason": request.form.get("reason", "").strip()[:500],
    }
    snooze_rule(db.session, who, patient_id, fields, now)
    flash(f"Snoozed for {days} days.", "done")
    return back_to_patient(patient_id, "snoozes")

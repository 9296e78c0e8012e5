"""A clinician's note about the patient, from the patient page."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.guard import clinician
from server.dashboard.views.redirects import back_to_patient
from server.extensions import db
from server.models.base import utcnow
from server.services import patient_notes
from server.services.errors import InvalidInput

NOTE_LIMIT = 2000


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/patients/<uuid:patient_id>/notes", view_func=add_note, methods=["POST"])


@audited("dashboard.patients.notes.create")
def add_note(patient_id: uuid.UUID) -> Any:
    who = clinician()
    text = request.form.get("text", "").strip()
    if not text or len(text) > NOTE_LIMIT:
        raise InvalidInput(
            "To save a note, write a few words (at most 2000 characters).",
            {"text": ["a note of 1 to 2000 characters"]},
        )
    patient_notes.add_note(db.session, who, patient_id, text, utcnow())
    flash("Note saved.", "done")
    return back_to_patient(patient_id, "notes")

"""Correcting who the patient is (name, hospital number, date of birth, sex) from their page."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.forms.identifiers import identifiers_from, mrn_required
from server.dashboard.guard import clinician
from server.dashboard.views.redirects import back_to_patient
from server.extensions import db
from server.services import patients
from server.services.errors import Conflict, InvalidInput


def register(blp: Blueprint) -> None:
    blp.add_url_rule(
        "/patients/<uuid:patient_id>/identity", view_func=save_identity, methods=["POST"]
    )


@audited("dashboard.patients.update")
def save_identity(patient_id: uuid.UUID) -> Any:
    who = clinician()
    patients.get_patient(db.session, who, patient_id)
    fields = identifiers_from(request.form, mrn_required(who))
    try:
        patients.update_patient(db.session, who, patient_id, fields)
    except Conflict as taken:
        # A number already in use is a thing to check on the form, not a change made meanwhile.
        raise InvalidInput(taken.message, taken.errors) from None
    flash("Patient details saved.", "done")
    return back_to_patient(patient_id, "identity")

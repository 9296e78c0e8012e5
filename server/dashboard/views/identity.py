"""Correcting who the patient is (name, hospital number, date of birth, sex) from their page."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.forms.identifiers import LABELS, identifiers_from, mrn_required
from server.dashboard.guard import clinician
from server.dashboard.views.patient import page_again
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
    try:
        fields = identifiers_from(request.form, mrn_required(who))
        patients.update_patient(db.session, who, patient_id, fields)
    except (InvalidInput, Conflict) as refused:
        # A number already in use is a thing to check on the form, not a change made meanwhile.
        return page_again(patient_id, "identity", refused, LABELS)
    flash("Patient details saved.", "done")
    return back_to_patient(patient_id, "identity")

"""Adding and deleting treatments from the patient page (the engine re-runs on each change)."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, flash, request

from server.api.audit import audited
from server.dashboard.forms.treatment import LABELS, treatment_from
from server.dashboard.guard import clinician
from server.dashboard.views.patient import page_again
from server.dashboard.views.redirects import back_to_patient
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.services import treatments
from server.services.errors import InvalidInput

TREATMENTS = "/patients/<uuid:patient_id>/treatments"


def register(blp: Blueprint) -> None:
    blp.add_url_rule(TREATMENTS, view_func=add_treatment, methods=["POST"])
    blp.add_url_rule(
        f"{TREATMENTS}/<uuid:treatment_id>/delete", view_func=delete_treatment, methods=["POST"]
    )


@audited("dashboard.treatments.add")
def add_treatment(patient_id: uuid.UUID) -> Any:
    who = clinician()
    try:
        record = treatment_from(request.form)
        treatments.add_treatment(
            db.session, who, patient_id, record, utcnow(), current_rules_config()
        )
    except InvalidInput as refused:
        return page_again(patient_id, "treatment", refused, LABELS)
    flash("Treatment added.", "done")
    return back_to_patient(patient_id, "treatments")


@audited("dashboard.treatments.delete")
def delete_treatment(patient_id: uuid.UUID, treatment_id: uuid.UUID) -> Any:
    who = clinician()
    treatments.delete_treatment(
        db.session, who, patient_id, treatment_id, utcnow(), current_rules_config()
    )
    flash("Treatment deleted.", "done")
    return back_to_patient(patient_id, "treatments")

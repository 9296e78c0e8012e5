"""`GET /patients/<id>/summary.pdf`: the patient's visit summary as a PDF download."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, request

from server.api.audit import audited
from server.dashboard.data.patient_page import shown_days
from server.dashboard.data.printout import printout
from server.dashboard.data.summary import visit_summary
from server.dashboard.guard import clinician
from server.dashboard.summary_pdf import pdf_download
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.services.patients import get_patient


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/patients/<uuid:patient_id>/summary.pdf", view_func=summary_pdf)


@audited("dashboard.summary_pdf")
def summary_pdf(patient_id: uuid.UUID) -> Any:
    who = clinician()
    patient = get_patient(db.session, who, patient_id)
    days = shown_days(request.args.get("days", type=int))
    made = printout(db.session, who, utcnow())
    return pdf_download(visit_summary(db.session, patient, days, made, current_rules_config()))

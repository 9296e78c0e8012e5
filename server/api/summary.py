"""`GET /api/v1/patients/<id>/summary.pdf`: the visit summary the dashboard downloads, by token."""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited
from server.api.docs import CLINICIAN, operation
from server.api.schemas.summary import PDF, SummaryQuerySchema
from server.dashboard.data.printout import printout
from server.dashboard.data.summary import visit_summary
from server.dashboard.summary_pdf import pdf_download
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.security.current_actor import require_clinician
from server.services.patients import get_patient

blp = Blueprint("summary", __name__, url_prefix="/api/v1/patients", description="Visit summary")


@blp.route("/<uuid:patient_id>/summary.pdf")
class Summary(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.arguments(SummaryQuerySchema, location="query")
    @blp.response(200, PDF, content_type="application/pdf", description="An A4 PDF, attached")
    @audited("patients.summary_pdf")
    def get(self, query: dict[str, Any], patient_id: uuid.UUID) -> Any:
        """The visit summary of the last 30 or 90 days as a PDF, as the dashboard prints it.

        Header with the patient's identifiers, the body map of the last 7 days, the pain chart
        with treatments and daily OME, the medication plan, lesions, treatments, open alerts and
        those resolved in the period with their threads, and the latest 10 notes.
        """
        clinician = require_clinician()
        patient = get_patient(db.session, clinician, patient_id)
        made = printout(db.session, clinician, utcnow())
        summary = visit_summary(db.session, patient, query["days"], made, current_rules_config())
        return pdf_download(summary)

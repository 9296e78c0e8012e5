"""`PUT /api/v1/patients/<id>/context`: the care team's facts about a patient, as one record.

The body is the wire format's patient context, validated by the shared schema; the server adds
what only it can check (the id, the clinician's teams, the zone database, the revision).
"""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited
from server.api.docs import CLINICIAN, operation
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.security.current_actor import require_clinician
from server.services import context
from shared import records
from shared.wire import PatientContextSchema

blp = Blueprint("context", __name__, url_prefix="/api/v1/patients", description="Patient context")


@blp.route("/<uuid:patient_id>/context")
class PatientContext(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404, 409))
    @blp.arguments(PatientContextSchema)
    @blp.response(200, PatientContextSchema)
    @audited("context.replace")
    def put(self, record: records.PatientContext, patient_id: uuid.UUID) -> Any:
        """Replace the context (lesions, medication plan, helpline, time zone, status).

        Send the next revision. Discharged or deceased revokes the patient's phones.
        """
        patient = context.replace_context(
            db.session, require_clinician(), patient_id, record, utcnow(), current_rules_config()
        )
        return context.as_record(patient)

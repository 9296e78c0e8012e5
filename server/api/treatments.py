"""`/api/v1/patients/<id>/treatments`: clinicians add, correct and delete treatments.

Bodies are the wire format's treatment record, validated by the shared schema.
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
from server.services import treatments
from shared import records
from shared.wire import TreatmentSchema

blp = Blueprint("treatments", __name__, url_prefix="/api/v1/patients", description="Treatments")


@blp.route("/<uuid:patient_id>/treatments")
class Treatments(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404, 409))
    @blp.arguments(TreatmentSchema)
    @blp.response(201, TreatmentSchema)
    @audited("treatments.add")
    def post(self, record: records.Treatment, patient_id: uuid.UUID) -> Any:
        """Add a treatment (its id is made by the caller and never changes)."""
        added = treatments.add_treatment(
            db.session, require_clinician(), patient_id, record, utcnow(), current_rules_config()
        )
        return treatments.as_record(added)


@blp.route("/<uuid:patient_id>/treatments/<uuid:treatment_id>")
class TreatmentById(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404, 409))
    @blp.arguments(TreatmentSchema)
    @blp.response(200, TreatmentSchema)
    @audited("treatments.correct")
    def put(self, record: records.Treatment, patient_id: uuid.UUID, treatment_id: uuid.UUID) -> Any:
        """Correct a treatment: the whole record, at a higher revision."""
        corrected = treatments.correct_treatment(
            db.session,
            require_clinician(),
            patient_id,
            treatment_id,
            record,
            utcnow(),
            current_rules_config(),
        )
        return treatments.as_record(corrected)

    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.response(204)
    @audited("treatments.delete")
    def delete(self, patient_id: uuid.UUID, treatment_id: uuid.UUID) -> None:
        """Delete a treatment; phones receive the deletion on their next sync."""
        treatments.delete_treatment(
            db.session,
            require_clinician(),
            patient_id,
            treatment_id,
            utcnow(),
            current_rules_config(),
        )

"""`/api/v1/patients/<id>/notes`: clinicians' notes about a patient, with author and time."""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited
from server.api.docs import CLINICIAN, operation
from server.api.schemas.patients import PatientNoteCreateSchema, PatientNoteSchema
from server.extensions import db
from server.models.base import utcnow
from server.security.current_actor import require_clinician
from server.services import patient_notes

blp = Blueprint(
    "patient_notes",
    __name__,
    url_prefix="/api/v1/patients/<uuid:patient_id>/notes",
    description="Patient notes",
)


@blp.route("")
class PatientNotes(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.response(200, PatientNoteSchema(many=True))
    @blp.paginate()
    @audited("patients.notes.list")
    def get(self, patient_id: uuid.UUID, pagination_parameters: Any) -> Any:
        """The patient's notes, newest first."""
        items, total = patient_notes.notes_page(
            db.session,
            require_clinician(),
            patient_id,
            first=pagination_parameters.first_item,
            size=pagination_parameters.page_size,
        )
        pagination_parameters.item_count = total
        return items

    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.arguments(PatientNoteCreateSchema)
    @blp.response(201, PatientNoteSchema)
    @audited("patients.notes.create")
    def post(self, fields: dict[str, Any], patient_id: uuid.UUID) -> Any:
        """A note about the patient ("phoned, family aware"), with you as its author."""
        return patient_notes.add_note(
            db.session, require_clinician(), patient_id, fields["text"], utcnow()
        )

"""`/api/v1/patients`: clinicians register patients, read them and issue enrollment codes."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited, ids_of
from server.api.docs import CLINICIAN, operation
from server.api.schemas.patients import (
    EnrollmentCodeSchema,
    PatientCreatedSchema,
    PatientCreateSchema,
    PatientListQuerySchema,
    PatientSchema,
    PatientUpdateSchema,
)
from server.extensions import db
from server.models.base import utcnow
from server.security.current_actor import require_clinician
from server.services import patients
from server.services.patients import IssuedCode

blp = Blueprint("patients", __name__, url_prefix="/api/v1/patients", description="Patients")


@blp.route("")
class Patients(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403))
    @blp.arguments(PatientListQuerySchema, location="query")
    @blp.response(200, PatientSchema(many=True))
    @blp.paginate()
    @audited("patients.list", shown=ids_of)
    def get(self, query: dict[str, Any], pagination_parameters: Any) -> Any:
        """The patients of your care teams, by name; `q` searches names and MRNs."""
        page = patients.list_patients(
            db.session,
            require_clinician(),
            query.get("status"),
            first=pagination_parameters.first_item,
            size=pagination_parameters.page_size,
            q=query.get("q"),
        )
        pagination_parameters.item_count = page.total
        return page.items

    @operation(blp, security=CLINICIAN, errors=(401, 403, 409))
    @blp.arguments(PatientCreateSchema)
    @blp.response(201, PatientCreatedSchema)
    @audited("patients.create", shown=lambda created: [created["patient"].id])
    def post(self, fields: dict[str, Any]) -> Any:
        """Register a patient; the answer holds the one-time code that links their phone."""
        created = patients.create_patient(db.session, require_clinician(), fields, utcnow())
        return {"patient": created.patient, **enrollment_fields(created.enrollment)}


@blp.route("/<uuid:patient_id>")
class PatientById(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.response(200, PatientSchema)
    @audited("patients.read")
    def get(self, patient_id: uuid.UUID) -> Any:
        """One patient of your care teams, with their context."""
        return patients.get_patient(db.session, require_clinician(), patient_id)

    @operation(blp, security=CLINICIAN, errors=(401, 403, 404, 409))
    @blp.arguments(PatientUpdateSchema)
    @blp.response(200, PatientSchema)
    @audited("patients.update")
    def patch(self, fields: dict[str, Any], patient_id: uuid.UUID) -> Any:
        """Correct the patient's name, hospital number (MRN), date of birth or sex.

        A hospital number another patient of the clinic has is 409.
        """
        return patients.update_patient(db.session, require_clinician(), patient_id, fields)


@blp.route("/<uuid:patient_id>/enrollment-code")
class EnrollmentCode(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404, 409))
    @blp.response(201, EnrollmentCodeSchema)
    @audited("patients.enrollment_code")
    def post(self, patient_id: uuid.UUID) -> Any:
        """A new enrollment code for the patient; their unspent code stops working."""
        issued = patients.new_enrollment_code(db.session, require_clinician(), patient_id, utcnow())
        return enrollment_fields(issued)


def enrollment_fields(issued: IssuedCode) -> dict[str, Any]:
    base_url = current_app.config["PAINLINE"].base_url
    link = "painline://enroll?" + urlencode({"server": base_url, "code": issued.code})
    return {
        "enrollment_code": issued.code,
        "enrollment_code_expires_at": issued.expires_at,
        "enrollment_link": link,
    }

"""`POST /api/v1/enroll`: a patient's phone trades its one-time code for a device token."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.client import client_address
from server.api.docs import PUBLIC, operation
from server.api.schemas.enrollment import EnrolledSchema, EnrollSchema
from server.extensions import db
from server.models.base import utcnow
from server.services.enrollment import enroll

blp = Blueprint("enrollment", __name__, url_prefix="/api/v1", description="Linking a phone")


@blp.route("/enroll")
class Enroll(MethodView):
    @operation(blp, security=PUBLIC, errors=(401, 429))
    @blp.arguments(EnrollSchema)
    @blp.response(200, EnrolledSchema)
    def post(self, request: dict[str, Any]) -> Any:
        """Spend an enrollment code; the answer's token is this phone's from now on."""
        enrolled = enroll(
            db.session, request["code"], request["device_name"], client_address(), utcnow()
        )
        return {"token": enrolled.token, "patient_id": enrolled.patient_id}

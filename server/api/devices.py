"""`/api/v1/patients/<id>/devices`: the care team sees a patient's phones and revokes one."""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited
from server.api.docs import CLINICIAN, operation
from server.api.schemas.devices import DeviceSchema
from server.extensions import db
from server.models.base import utcnow
from server.security.current_actor import require_clinician
from server.services import devices

blp = Blueprint("devices", __name__, url_prefix="/api/v1/patients", description="Patients' phones")


@blp.route("/<uuid:patient_id>/devices")
class Devices(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.response(200, DeviceSchema(many=True))
    @audited("devices.list")
    def get(self, patient_id: uuid.UUID) -> Any:
        """The patient's enrolled phones, newest first, revoked ones included."""
        return devices.list_devices(db.session, require_clinician(), patient_id)


@blp.route("/<uuid:patient_id>/devices/<uuid:device_id>")
class DeviceById(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.response(204)
    @audited("devices.revoke")
    def delete(self, patient_id: uuid.UUID, device_id: uuid.UUID) -> None:
        """Revoke a phone: it gets 401 at its next sync and asks for a new enrollment code."""
        devices.revoke_device_of_patient(
            db.session, require_clinician(), patient_id, device_id, utcnow()
        )

"""`GET /api/v1/patients/<id>/timeline`: a patient's reports, doses, treatments and alerts."""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited
from server.api.docs import CLINICIAN, operation
from server.api.schemas.timeline import TimelineQuerySchema, TimelineSchema
from server.extensions import db
from server.models.base import utcnow
from server.security.current_actor import require_clinician
from server.services import timeline

blp = Blueprint("timeline", __name__, url_prefix="/api/v1/patients", description="Timeline")


@blp.route("/<uuid:patient_id>/timeline")
class Timeline(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.arguments(TimelineQuerySchema, location="query")
    @blp.response(200, TimelineSchema)
    @audited("timeline.read")
    def get(self, query: dict[str, Any], patient_id: uuid.UUID) -> Any:
        """What happened over a range of the patient's local days (the last 30 by default).

        Reports and doses carry the server's flags (clock ahead, deleted); `conflicts` lists
        revisions from another device that clashed with a shown record. At most 366 days.
        """
        return timeline.patient_timeline(
            db.session,
            require_clinician(),
            patient_id,
            query.get("first"),
            query.get("last"),
            utcnow(),
        )

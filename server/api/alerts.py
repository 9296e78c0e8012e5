"""`/api/v1/alerts`: the clinicians' worklist, and acknowledging, commenting on and resolving an
alert."""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited, patient_id_of, patient_ids_of
from server.api.docs import CLINICIAN, operation
from server.api.schemas.alerts import (
    AcknowledgeSchema,
    AlertListQuerySchema,
    AlertSchema,
    CommentSchema,
    ResolveSchema,
)
from server.extensions import db
from server.models.base import utcnow
from server.security.current_actor import require_clinician
from server.services import alert_review
from server.services.alert_review import AlertFilters

blp = Blueprint("alerts", __name__, url_prefix="/api/v1/alerts", description="Alerts")


@blp.route("")
class Alerts(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.arguments(AlertListQuerySchema, location="query")
    @blp.response(200, AlertSchema(many=True))
    @blp.paginate()
    @audited("alerts.list", shown=patient_ids_of)
    def get(self, query: dict[str, Any], pagination_parameters: Any) -> Any:
        """Your care teams' alerts, emergency first, then the longest waiting.

        Filter by status, tier or patient (another team's patient is 404).
        """
        filters = AlertFilters(
            status=query["status"].value if "status" in query else None,
            tier=query.get("tier"),
            patient_id=query.get("patient_id"),
        )
        page = alert_review.list_alerts(
            db.session,
            require_clinician(),
            filters,
            first=pagination_parameters.first_item,
            size=pagination_parameters.page_size,
        )
        pagination_parameters.item_count = page.total
        return page.items


@blp.route("/<uuid:alert_id>/acknowledge")
class Acknowledge(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404, 409))
    @blp.arguments(AcknowledgeSchema)
    @blp.response(200, AlertSchema)
    @audited("alerts.acknowledge", shown=patient_id_of)
    def post(self, fields: dict[str, Any], alert_id: uuid.UUID) -> Any:
        """Take the alert in hand; the patient's phone shows it at its next sync."""
        return alert_review.acknowledge_alert(
            db.session, require_clinician(), alert_id, fields.get("note"), utcnow()
        )


@blp.route("/<uuid:alert_id>/notes")
class Notes(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.arguments(CommentSchema)
    @blp.response(201, AlertSchema)
    @audited("alerts.comment", shown=patient_id_of)
    def post(self, fields: dict[str, Any], alert_id: uuid.UUID) -> Any:
        """Add a comment to the alert's thread, with you as its author; the status stays."""
        return alert_review.comment_on_alert(
            db.session, require_clinician(), alert_id, fields["text"], utcnow()
        )


@blp.route("/<uuid:alert_id>/resolve")
class Resolve(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404, 409))
    @blp.arguments(ResolveSchema)
    @blp.response(200, AlertSchema)
    @audited("alerts.resolve", shown=patient_id_of)
    def post(self, fields: dict[str, Any], alert_id: uuid.UUID) -> Any:
        """Close the alert with what came of it (actioned, not_actionable, duplicate) and a note."""
        return alert_review.resolve_alert(
            db.session, require_clinician(), alert_id, fields["outcome"], fields["note"], utcnow()
        )

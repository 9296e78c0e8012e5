"""`POST /api/v1/patients/<id>/snoozes`: hold back a rule's new alerts for a while, saying why;
`POST .../snoozes/<snooze_id>/end` ends one early."""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.audit import audited
from server.api.docs import CLINICIAN, operation
from server.api.schemas.alerts import SnoozeCreateSchema, SnoozeSchema
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.security.current_actor import require_clinician
from server.services import snoozes

blp = Blueprint("snoozes", __name__, url_prefix="/api/v1/patients", description="Snoozes")


@blp.route("/<uuid:patient_id>/snoozes")
class Snoozes(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.arguments(SnoozeCreateSchema)
    @blp.response(201, SnoozeSchema)
    @audited("snoozes.create")
    def post(self, fields: dict[str, Any], patient_id: uuid.UUID) -> Any:
        """Snooze a rule (at one site, or all) for up to 14 days, saying why.

        Emergency rules cannot be snoozed, and no snooze holds back an emergency finding.
        """
        return snoozes.snooze_rule(db.session, require_clinician(), patient_id, fields, utcnow())


@blp.route("/<uuid:patient_id>/snoozes/<uuid:snooze_id>/end")
class SnoozeEnd(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 404))
    @blp.response(200, SnoozeSchema)
    @audited("snoozes.end")
    def post(self, patient_id: uuid.UUID, snooze_id: uuid.UUID) -> Any:
        """End a snooze now, before its time: the rule alerts again from this moment.

        The snooze is kept, ending now, so what it held back in its time stays in the record.
        """
        return snoozes.end_snooze(
            db.session, require_clinician(), patient_id, snooze_id, utcnow(), current_rules_config()
        )

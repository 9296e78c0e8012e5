"""`POST /api/v1/sync`: a phone pushes its outbox and pulls what changed since its cursor."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.docs import DEVICE, operation
from server.api.schemas.sync import SyncRequestSchema, SyncResponseSchema
from server.extensions import db
from server.models.base import utcnow
from server.rules_config import current_rules_config
from server.security.current_actor import require_device
from server.services.app_version import require_supported_app_version
from server.services.sync import Push, sync

blp = Blueprint("sync", __name__, url_prefix="/api/v1", description="Phone sync")


@blp.route("/sync")
class Sync(MethodView):
    @operation(blp, security=DEVICE, errors=(400, 401, 403, 413, 422, 426))
    @blp.arguments(SyncRequestSchema)
    @blp.response(200, SyncResponseSchema)
    def post(self, body: dict[str, Any]) -> Any:
        """Store pushed reports and doses (idempotent by id) and return the changes after `cursor`.

        Each item is validated on its own: bad ones come back under `rejected`, good ones are
        stored. A record is listed under `accepted` only once it is committed.
        """
        device = require_device()
        require_supported_app_version(
            request.headers.get("Painline-App-Version"),
            current_app.config["PAINLINE"].min_app_version,
        )
        push = Push(cursor=body["cursor"], reports=body["reports"], doses=body["doses"])
        result = sync(db.session, device, push, utcnow(), current_rules_config())
        return result

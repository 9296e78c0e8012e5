"""`GET /healthz`: is this app process able to serve? (Checks the database.)"""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from server.database import database_is_up
from server.extensions import db

blp = Blueprint("health", __name__, description="Liveness and readiness")


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"description": "ok or unavailable"})
    database = fields.String(required=True, metadata={"description": "up or down"})


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="The database cannot be reached")
    def get(self) -> Any:
        if database_is_up(db.engine):
            return {"status": "ok", "database": "up"}
        return {"status": "unavailable", "database": "down"}, 503

"""`GET /healthz`: is this app process able to serve, and is alert delivery keeping up?

503 when the database cannot be reached, when no worker has beaten for three heartbeats
("worker down": nothing is being sent), or when a notification has waited more than 5 minutes
("delayed"); the dashboard shows a banner for each. A fresh install where no worker ever ran and
nothing waits is healthy: it says "no worker heartbeat yet".
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from server.database import database_is_up
from server.delivery.heartbeat import delivery_health, heartbeat_every
from server.extensions import db
from server.models.base import utcnow
from server.services.alert_routes import every_team_ready

blp = Blueprint("health", __name__, description="Liveness and readiness")


class HealthSchema(Schema):
    status = fields.String(
        required=True, metadata={"description": "ok, delayed, worker down or unavailable"}
    )
    database = fields.String(required=True, metadata={"description": "up or down"})
    worker = fields.String(metadata={"description": "seen, down or no worker heartbeat yet"})
    worker_heartbeat = fields.String(allow_none=True, metadata={"description": "last beat"})
    oldest_undelivered = fields.String(
        allow_none=True, metadata={"description": "when the oldest waiting notification arose"}
    )
    dead_letters = fields.Integer(metadata={"description": "undismissed dead letters"})
    delivery = fields.String(metadata={"description": "on time, or delayed (over 5 minutes)"})
    alert_routes = fields.String(
        metadata={
            "description": "complete, or incomplete: a care team's urgent alerts reach nobody "
            "outside the worklist (no working email or webhook, or no escalation contact); "
            "the status stays 200 for this alone"
        }
    )


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(
        503,
        schema=HealthSchema,
        description="The database is down, no worker is running, or alert delivery is behind",
    )
    def get(self) -> Any:
        if not database_is_up(db.engine):
            return {"status": "unavailable", "database": "down"}, 503
        health = delivery_health(db.session, utcnow(), heartbeat_every(current_app.config))
        db.session.commit()
        routes = "complete" if every_team_ready(db.session) else "incomplete"
        body = {"database": "up", **health.as_dict(), "alert_routes": routes}
        return body if health.status == "ok" else (body, 503)

"""`GET /api/v1/events`: the live alert stream (server-sent events) for clinicians.

Each event's id is its position in the stream; a client that reconnects with `Last-Event-ID`
gets everything it missed, replayed from the database. Streams close after 5 minutes (each one
holds a server thread) and the browser's EventSource reconnects by itself.
"""

from __future__ import annotations

import time
from typing import Any

from flask import Response, current_app, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from server.api.docs import CLINICIAN, operation
from server.delivery.stream import stream
from server.extensions import db
from server.security.current_actor import require_clinician
from server.services.errors import InvalidInput
from server.services.whole_numbers import read_whole_number

blp = Blueprint("events", __name__, url_prefix="/api/v1", description="Live alert stream")

LONGEST_STREAM_SECONDS = 300
# Event ids are 32-bit database integers (stream_events.seq); a larger number was never sent.
LARGEST_EVENT_ID = 2**31 - 1
EVENT_STREAM_EXAMPLE = (
    "id: 42\nevent: alert.raised\n"
    'data: {"type": "alert.raised", "alert_id": "...", "patient_id": "...", "rule": '
    '"mscc_neuro_red_flag", "tier": "emergency", "site": null, "link": "https://.../patients/..."}'
    "\n\n"
)


class StreamQuery(Schema):
    timeout = fields.Integer(
        load_default=LONGEST_STREAM_SECONDS,
        validate=validate.Range(min=0, max=LONGEST_STREAM_SECONDS),
        metadata={"description": "Seconds before the stream closes (0: replay, then close)."},
    )


@blp.route("/events")
class Events(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403, 422), session_cookie=True)
    @blp.arguments(StreamQuery, location="query")
    @blp.doc(
        parameters=[
            {
                "in": "header",
                "name": "Last-Event-ID",
                "required": False,
                "schema": {"type": "integer", "minimum": 0, "maximum": LARGEST_EVENT_ID},
                "description": "Replay the events after this id (EventSource sends it).",
            }
        ],
        responses={
            "200": {
                "description": "Alert events of the caller's care teams' patients, as "
                "server-sent events (`id`, `event` = the type, `data` = the webhook body).",
                "content": {
                    "text/event-stream": {
                        "schema": {"type": "string"},
                        "example": EVENT_STREAM_EXAMPLE,
                    }
                },
            }
        },
    )
    def get(self, query: dict[str, Any]) -> Response:
        # The dashboard's worklist listens with its session cookie (EventSource sends no header).
        clinician = require_clinician(session_cookie=True)
        after = last_event_id(request.headers.get("Last-Event-ID"))
        seconds = min(query["timeout"], current_app.config.get("PAINLINE_STREAM_SECONDS", 300))
        # The stream reads with its own short queries; nothing stays open for its 5 minutes.
        db.session.commit()
        body = stream(
            db.engine,
            clinician.user_id,
            clinician.team_ids,
            after,
            seconds,
            current_app.config["PAINLINE"].base_url,
            time.monotonic,
        )
        return Response(
            stream_with_context(body),
            mimetype="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )


def last_event_id(value: str | None) -> int | None:
    if value is None or value.strip() == "":
        return None
    number = read_whole_number(value.strip(), LARGEST_EVENT_ID)
    if number is None:
        raise InvalidInput("Last-Event-ID must be an event id this stream sent (a number).")
    return number

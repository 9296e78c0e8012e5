"""`GET /api/v1/events`: the live alert stream (server-sent events) for clinicians.

Each event's id is its position in the stream; a client that reconnects with `Last-Event-ID`
gets everything it missed, replayed from the database. Streams close after 5 minutes and the
browser's EventSource reconnects by itself. In production they are served apart from the API
(a gevent gunicorn of their own, see docker/compose.yaml), so open streams hold no API thread.
Each process holds a few streams per user (a new one replaces the oldest) and a bounded number
in all; each stream asks again every few seconds whether its holder may still read it.
"""

from __future__ import annotations

import threading
from typing import Any

from flask import Response, current_app, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from server.api.docs import CLINICIAN, operation
from server.api.errors import error_response
from server.delivery.open_streams import RETRY_AFTER_SECONDS, OpenStreams, TooManyStreams
from server.delivery.stream import LiveStream
from server.delivery.stream_signal import signal_for
from server.extensions import db
from server.security.current_actor import require_clinician
from server.security.stream_holder import holder_of_request
from server.services.errors import InvalidInput
from server.services.whole_numbers import read_whole_number

blp = Blueprint("events", __name__, url_prefix="/api/v1", description="Live alert stream")

LONGEST_STREAM_SECONDS = 300
# Event ids are 32-bit database integers (stream_events.seq); a larger number was never sent.
LARGEST_EVENT_ID = 2**31 - 1
# Seconds between a stream's checks that its holder may still read it.
RECHECK_SECONDS = 10.0
_made_lock = threading.Lock()
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
    @operation(blp, security=CLINICIAN, errors=(401, 403, 422, 503), session_cookie=True)
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
        holder = holder_of_request(clinician)
        signal = signal_for(db.engine)
        try:
            place = open_streams().open(clinician.user_id, signal.wake)
        except TooManyStreams:
            return busy_response()
        # The stream reads with its own short queries; nothing stays open for its 5 minutes.
        db.session.commit()
        live = LiveStream(
            db.engine,
            holder,
            clinician.team_ids,
            place,
            current_app.config["PAINLINE"].base_url,
            current_app.config.get("PAINLINE_STREAM_RECHECK_SECONDS", RECHECK_SECONDS),
        )
        response = Response(
            stream_with_context(live.events(after, seconds)),
            mimetype="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )
        # The server closes the answer when the client went away, even before the stream began.
        response.call_on_close(place.close)
        return response


def open_streams() -> OpenStreams:
    """This process's streams of this app, made by the first stream with the app's caps."""
    extensions = current_app.extensions
    if "painline_open_streams" not in extensions:
        with _made_lock:
            settings = current_app.config["PAINLINE"]
            extensions.setdefault(
                "painline_open_streams",
                OpenStreams(settings.streams_per_user, settings.streams_per_process),
            )
    return extensions["painline_open_streams"]  # type: ignore[no-any-return]


def busy_response() -> Response:
    response = error_response(
        503,
        "The live alert stream is full on this server. Try again in a minute; "
        "the worklist itself still works.",
    )
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response  # type: ignore[no-any-return]


def last_event_id(value: str | None) -> int | None:
    """The id EventSource sends back: ASCII digits only, within the ids this stream sends."""
    digits = (value or "").strip(" \t")
    if digits == "":
        return None
    number = read_whole_number(digits, LARGEST_EVENT_ID)
    if number is None:
        raise InvalidInput("Last-Event-ID must be an event id this stream sent (a number).")
    return number

"""The real Flask app on a migrated SQLite file, served on 127.0.0.1 in a thread, with faults.

`Faults` sits in front of the app and can make `/api/v1/sync` fail the way networks fail: a
500 before the app runs, an answer lost after the app committed, an answer slower than the
phone's timeout, or the whole server down. It also keeps every sync request body it saw.
"""

from __future__ import annotations

import io
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

SYNC_PATH = "/api/v1/sync"

StartResponse = Callable[..., Any]


def has_route(app: Flask, path: str) -> bool:
    return any(rule.rule == path for rule in app.url_map.iter_rules())


def _answer(start_response: StartResponse, status: str) -> Iterable[bytes]:
    body = json.dumps({"code": int(status[:3]), "status": status[4:], "message": "fault"})
    start_response(status, [("Content-Type", "application/json")])
    return [body.encode()]


@dataclass
class Faults:
    app: Callable[..., Iterable[bytes]]
    down: bool = False
    # Each sync request takes the next one: "error", "lost" or "slow"; then requests go through.
    planned: list[str] = field(default_factory=list)
    slow_seconds: float = 2.0
    sync_bodies: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != SYNC_PATH:
            return self.app(environ, start_response)
        raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(raw)
        self.sync_bodies.append(json.loads(raw or b"{}"))
        if self.down:
            return _answer(start_response, "503 Service Unavailable")
        fault = self.planned.pop(0) if self.planned else None
        if fault == "error":
            return _answer(start_response, "500 Internal Server Error")
        if fault in ("lost", "slow"):
            # The app runs to the end and commits; only its answer never reaches the phone.
            result = self.app(environ, lambda *args: None)
            b"".join(result)
            getattr(result, "close", lambda: None)()
            if fault == "slow":
                time.sleep(self.slow_seconds)
            return _answer(start_response, "502 Bad Gateway")
        return self.app(environ, start_response)


@dataclass
class LiveServer:
    app: Flask
    url: str
    database: str  # the SQLite file, read directly to check what the server stored
    faults: Faults
    patient_id: str
    enrollment_code: str
    clinician_token: str
    device_token: str  # of a phone of patient A enrolled before the test
    server: BaseWSGIServer
    thread: threading.Thread

    def qr(self, code: str | None = None) -> str:
        return f"painline://enroll?server={self.url}&code={code or self.enrollment_code}"

    def stored_report_ids(self) -> list[str]:
        """Report ids in the order the server recorded them (its change sequence)."""
        with sqlite3.connect(self.database) as connection:
            rows = connection.execute("SELECT id FROM pain_reports ORDER BY change_seq")
            return [str(uuid.UUID(str(row[0]))) for row in rows]

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(10)


def serve(app: Flask, database: str, world: dict[str, str]) -> LiveServer:
    faults = Faults(app.wsgi_app)
    app.wsgi_app = faults  # type: ignore[method-assign]
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    return LiveServer(
        app=app,
        url=f"http://127.0.0.1:{server.server_port}",
        database=database,
        faults=faults,
        server=server,
        thread=thread,
        **world,
    )

"""The real Flask app on a migrated SQLite file, served on 127.0.0.1 in a thread, with faults.

`Faults` sits in front of the app and can make `/api/v1/sync` fail the way networks fail: a
500 before the app runs, an answer lost after the app committed, an answer slower than the
phone's timeout, a proxy that answers 200 with an empty object, a gateway that refuses large
requests with 413, or the whole server down. `newer_server` rewrites the app's answers the way
a later server version may (extra fields the phone must ignore). It keeps every sync request
body it saw and every answer the app gave.
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
    # Each sync request takes the next one: "error", "lost", "slow" or "empty"; then requests
    # go through.
    planned: list[str] = field(default_factory=list)
    slow_seconds: float = 2.0
    # A gateway in front of the app that refuses requests with more records than this (413).
    max_records: int | None = None
    newer_server: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    sync_bodies: list[dict[str, Any]] = field(default_factory=list)
    sync_answers: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != SYNC_PATH:
            return self.app(environ, start_response)
        raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(raw)
        body = json.loads(raw or b"{}")
        self.sync_bodies.append(body)
        if self.down:
            return _answer(start_response, "503 Service Unavailable")
        if self.max_records is not None and _records(body) > self.max_records:
            return _answer(start_response, "413 Request Entity Too Large")
        fault = self.planned.pop(0) if self.planned else None
        if fault == "error":
            return _answer(start_response, "500 Internal Server Error")
        if fault == "empty":
            start_response("200 OK", [("Content-Type", "application/json")])
            return [b"{}"]
        if fault in ("lost", "slow"):
            # The app runs to the end and commits; only its answer never reaches the phone.
            result = self.app(environ, lambda *args: None)
            b"".join(result)
            getattr(result, "close", lambda: None)()
            if fault == "slow":
                time.sleep(self.slow_seconds)
            return _answer(start_response, "502 Bad Gateway")
        return self._answer_from_app(environ, start_response)

    def _answer_from_app(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        seen: list[Any] = []
        result = self.app(environ, lambda status, headers, *rest: seen.append((status, headers)))
        try:
            raw = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        status, headers = seen[0]
        if status.startswith("200"):
            answer = json.loads(raw)
            if self.newer_server is not None:
                answer = self.newer_server(answer)
            self.sync_answers.append(answer)
            raw = json.dumps(answer).encode()
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(len(raw)))])
        return [raw]


def _records(body: Any) -> int:
    if not isinstance(body, dict):
        return 0
    return sum(len(body.get(key) or []) for key in ("reports", "doses"))


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

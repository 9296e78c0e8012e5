"""A served app and a live stream read over real HTTP, for tests of streams that run for a while."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from werkzeug.serving import make_server


@contextmanager
def served(app: Flask) -> Iterator[int]:
    """Serve `app` on a free local port in a thread (threaded, as `make run` serves it)."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        thread.join(10)


class StreamReader(threading.Thread):
    """Opens `GET /api/v1/events` and keeps every event it reads until the server ends it."""

    def __init__(self, port: int, headers: dict[str, str], timeout: int = 60) -> None:
        super().__init__(daemon=True)
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout + 10)
        self.connection.request("GET", f"/api/v1/events?timeout={timeout}", headers=headers)
        self.response = self.connection.getresponse()
        self.status = self.response.status
        self.events: list[dict[str, Any]] = []
        self.opened = threading.Event()
        self.ended = threading.Event()
        self.changed = threading.Condition()

    def run(self) -> None:
        kind = "message"
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("retry:"):
                    self.opened.set()
                elif line.startswith("event: "):
                    kind = line[len("event: ") :]
                elif line.startswith("data: "):
                    with self.changed:
                        self.events.append({"event": kind, **json.loads(line[len("data: ") :])})
                        self.changed.notify_all()
        except OSError:
            pass
        finally:
            self.ended.set()
            with self.changed:
                self.changed.notify_all()

    def start_reading(self) -> StreamReader:
        self.start()
        assert self.opened.wait(10), "the stream sent no first line"
        return self

    def wait_for_events(self, count: int, seconds: float = 10) -> list[dict[str, Any]]:
        with self.changed:
            self.changed.wait_for(lambda: len(self.events) >= count, timeout=seconds)
            return list(self.events)

    def close(self) -> None:
        self.connection.close()


def open_stream(port: int, headers: dict[str, str], timeout: int = 60) -> StreamReader:
    reader = StreamReader(port, headers, timeout)
    assert reader.status == 200, reader.response.read()
    return reader.start_reading()

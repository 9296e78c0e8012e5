"""Real receivers for what the admin pages send: an SMTP server and a webhook endpoint."""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"

    def wait_for(self, count: int, seconds: float = 10) -> list[EmailMessage]:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mailbox(live_server: Any) -> Iterator[Inbox]:
    """An SMTP server the live app sends its email to."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings = live_server.app.config["PAINLINE"]
    smtp_url = f"smtp://127.0.0.1:{port}"
    live_server.app.config["PAINLINE"] = dataclasses.replace(settings, smtp_url=smtp_url)
    yield inbox
    controller.stop()


@dataclasses.dataclass
class Hooks:
    url: str
    received: list[dict[str, Any]]


@pytest.fixture
def webhook_receiver() -> Iterator[Hooks]:
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"headers": dict(self.headers), "body": body})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Hooks(f"http://127.0.0.1:{server.server_port}/painline", received)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)

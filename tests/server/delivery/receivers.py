"""Real receivers for delivery tests: an SMTP server (aiosmtpd) and a webhook endpoint.

The webhook receiver checks each signature with its own Standard Webhooks verifier, written
here from the specification, independent of the server's signing code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

TOLERANCE_SECONDS = 5 * 60


class ReceiverServer(ThreadingHTTPServer):
    # Workers open up to 8 connections at once each; the default backlog of 5 resets the rest,
    # which would read as failed deliveries.
    request_queue_size = 128
    daemon_threads = True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def a_secret(seed: bytes = b"painline-test-secret-32-bytes-ok") -> str:
    return "whsec_" + base64.b64encode(seed).decode()


def standard_webhooks_verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """The Standard Webhooks verification: HMAC-SHA256 keyed with the base64-decoded secret over
    `id.timestamp.body`, any `v1,` signature in the space-separated list, a fresh timestamp."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature", "")
    if not msg_id or not timestamp or not timestamp.isdigit():
        return False
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    content = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
    for candidate in signatures.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


@dataclass
class Hook:
    id: str
    body: dict[str, Any]
    verified: bool


@dataclass
class WebhookReceiver:
    """An idempotent receiver: `unique` keeps one entry per webhook-id; `calls` has every POST."""

    secret: str = field(default_factory=a_secret)
    port: int = field(default_factory=free_port)
    calls: list[Hook] = field(default_factory=list)
    status: int = 200
    hold: threading.Event | None = None
    holding: threading.Event = field(default_factory=threading.Event)
    server: ReceiverServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    @property
    def unique(self) -> dict[str, Hook]:
        return {hook.id: hook for hook in self.calls}

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {k.lower(): v for k, v in self.headers.items()}
                if receiver.hold is not None:
                    receiver.holding.set()
                    receiver.hold.wait(30)
                receiver.calls.append(
                    Hook(
                        headers.get("webhook-id", ""),
                        json.loads(body),
                        standard_webhooks_verify(receiver.secret, headers, body),
                    )
                )
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ReceiverServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


class Mailbox:
    """aiosmtpd's handler: every message it accepts, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


class SmtpServer:
    def __init__(self) -> None:
        self.mailbox = Mailbox()
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"


def wait_for(condition: Any, seconds: float = 30.0, every: float = 0.05) -> Any:
    """Poll `condition` until it returns something truthy, failing after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"still waiting after {seconds} s")

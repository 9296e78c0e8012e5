"""Each webhook delivery checks its destination again, connects to the address it checked, and
follows no redirects; real receivers on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from server.delivery.notice import Notice
from server.delivery.senders import DeliveryFailed, post_webhook
from server.delivery.webhook_policy import WebhookPolicy
from server.models import Delivery
from tests.server.delivery.builders import raise_emergency
from tests.server.delivery.receivers import free_port

DEVELOPMENT = WebhookPolicy(production=False)
NOTICE = Notice("notification.test", "", "", "test", "test", None, "https://painline.test/")


class Redirector:
    """Answers every POST with 302 to `location`."""

    def __init__(self, location: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hooks"
        location_ = location

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(302)
                self.send_header("Location", location_)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def redirector(receiver):
    redirector = Redirector(receiver.url)
    yield redirector
    redirector.stop()


def test_a_redirect_is_a_failure_and_its_target_hears_nothing(redirector, receiver):
    with pytest.raises(DeliveryFailed) as failed:
        post_webhook(redirector.url, receiver.secret, "d-1", 1, NOTICE, DEVELOPMENT)

    assert str(failed.value) == "webhook answered HTTP 302; redirects are not followed"
    assert receiver.calls == []


def test_the_worker_records_a_redirect_in_last_error(
    api, world, db_session, redirector, receiver, workers, clock
):
    from tests.server.delivery.builders import with_channels

    with_channels(db_session, world.team_a, redirector.url, receiver.secret)
    raise_emergency(api)

    workers(clock=clock).run_once()

    db_session.expire_all()
    [delivery] = db_session.scalars(select(Delivery).where(Delivery.channel == "webhook"))
    assert delivery.last_error == "webhook answered HTTP 302; redirects are not followed"
    assert receiver.calls == []


def test_the_sender_connects_to_the_address_it_checked_not_to_a_second_answer(
    receiver, monkeypatch
):
    real = socket.getaddrinfo
    asked: list[str] = []

    def rebinding(host, *args, **kwargs):
        # A name that is loopback for the check and something else on any later lookup.
        if host == "rebind.test":
            asked.append(host)
            host = "127.0.0.1" if len(asked) == 1 else "10.255.255.1"
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = receiver.url.replace("127.0.0.1", "rebind.test")

    post_webhook(url, receiver.secret, "d-2", 1, NOTICE, DEVELOPMENT)

    assert asked == ["rebind.test"]
    assert [hook.id for hook in receiver.calls] == ["d-2"]


def test_a_delivery_checks_the_destination_again_and_is_retried_when_refused(
    app, api, world, db_session, receiver, workers, clock
):
    from tests.server.delivery.builders import with_channels

    # Accepted at entry under an allow-list that the worker's settings no longer have.
    settings = app.config["PAINLINE"]
    app.config["PAINLINE"] = replace(settings, env="production", webhook_allow_private=())
    url = receiver.url.replace("http://", "https://")
    with_channels(db_session, world.team_a, url, receiver.secret)
    raise_emergency(api)

    workers(clock=clock).run_once()

    db_session.expire_all()
    [delivery] = db_session.scalars(select(Delivery).where(Delivery.channel == "webhook"))
    assert delivery.last_error == (
        "The webhook address resolves to 127.0.0.1, a loopback address; in production only "
        "public addresses are allowed (PAINLINE_WEBHOOK_ALLOW_PRIVATE lists exceptions)."
    )
    assert (delivery.attempts, delivery.dead_at, delivery.delivered_at) == (1, None, None)
    assert delivery.next_attempt_at > clock.now
    assert receiver.calls == []

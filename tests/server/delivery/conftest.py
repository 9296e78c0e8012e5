"""Fixtures of delivery tests: an app wired to a real SMTP server, receivers, workers, clocks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from flask import Flask

from server.models.base import utcnow
from tests.conftest import end_streams, make_app
from tests.server.delivery.receivers import SmtpServer, WebhookReceiver
from tests.support.databases import empty_all_tables

BASE_URL = "https://painline.test"


@pytest.fixture(scope="session")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.controller.start()
    yield server
    server.controller.stop()


@pytest.fixture
def mailbox(smtp: SmtpServer) -> Any:
    smtp.mailbox.messages.clear()
    return smtp.mailbox


def delivery_app(url: str, smtp: SmtpServer) -> Flask:
    environ = {"PAINLINE_SMTP_URL": smtp.url, "PAINLINE_BASE_URL": BASE_URL}
    return make_app(url, ENVIRON=environ)


def empty(app: Flask) -> None:
    from server.extensions import db

    end_streams(app)
    with app.app_context():
        db.session.remove()
        empty_all_tables(db.engine, [t.name for t in reversed(db.metadata.sorted_tables)])
        db.engine.dispose()


@pytest.fixture
def app(database_url: str, smtp: SmtpServer, mailbox: Any) -> Iterator[Flask]:
    app = delivery_app(database_url, smtp)
    yield app
    empty(app)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    if receiver.hold is not None:
        receiver.hold.set()
    receiver.stop()


class Clock:
    """A clock the test moves by hand; the worker reads it instead of the wall clock."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def workers(app: Flask) -> Iterator[Any]:
    """`workers(clock=...)` makes a worker on the test's app; all are closed afterwards."""
    from server.delivery.worker import Worker

    made: list[Worker] = []

    def make(clock: Any = utcnow, target: Flask | None = None, **options: Any) -> Worker:
        worker = Worker(target or app, clock=clock, **options)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.stop.set()
        worker.close()

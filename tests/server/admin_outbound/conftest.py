"""Admin pages of a production app (PostgreSQL, https behind one proxy) that allow-lists one
hospital network for webhooks, signed in as the world's admin."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from tests.conftest import make_app
from tests.server.dashboard.conftest import Dashboard
from tests.support.builders import World
from tests.support.databases import empty_all_tables

HOSPITAL_NETWORK = "10.20.0.0/16"
PRODUCTION = {
    "PAINLINE_ENV": "production",
    "PAINLINE_SECRET_KEY": "a-production-secret-of-forty-characters!",
    "PAINLINE_BASE_URL": "https://painline.test",
    "PAINLINE_TRUSTED_PROXIES": "1",
    "PAINLINE_WEBHOOK_ALLOW_PRIVATE": HOSPITAL_NETWORK,
}


@pytest.fixture
def app(postgres_url: str) -> Iterator[Flask]:
    from server.extensions import db

    app = make_app(postgres_url, ENVIRON=PRODUCTION)
    yield app
    with app.app_context():
        db.session.remove()
        empty_all_tables(db.engine, [t.name for t in reversed(db.metadata.sorted_tables)])
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> Any:
    client = app.test_client()
    # The proxy in front says the browser spoke https, so Secure cookies come back.
    client.environ_base["HTTP_X_FORWARDED_PROTO"] = "https"
    return client


@pytest.fixture
def admin_pages(client: Any, world: World) -> Dashboard:
    return Dashboard(client, world, "admin")

"""Fixtures for the whole suite.

Tests that take `app`, `client`, `db_session` or `database_url` run on SQLite and on PostgreSQL
(ids `[sqlite]` and `[postgres]`). `postgres_url` is for PostgreSQL-only tests. Without PostgreSQL,
a browser or a display those tests skip with a reason; with CI=true any skip is a failure.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData
from sqlalchemy.orm import Session

from tests.support.databases import (
    empty_all_tables,
    fresh_postgres_database,
    postgres_base_url,
    postgres_unreachable_reason,
)

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI a skipped test is a failed one: the PostgreSQL, browser and window suites must run."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which must run every suite: {reason}"


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    base_url = postgres_base_url()
    reason = postgres_unreachable_reason(base_url)
    if reason:
        pytest.skip(reason)
    return base_url


@pytest.fixture(scope="session")
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A migrated PostgreSQL database of this test run, for PostgreSQL-only tests."""
    with fresh_postgres_database(postgres_server_url) as url:
        upgrade_to_head(url)
        yield url


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database of this run: a SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'painline.db'}"
        upgrade_to_head(url)
        return url
    return str(request.getfixturevalue("postgres_url"))


def upgrade_to_head(url: str) -> None:
    from flask_migrate import upgrade

    app = make_app(url)
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        dispose(app)


def make_app(url: str, **config: Any) -> Flask:
    from server import create_app

    environ = {"PAINLINE_ENV": "development", "PAINLINE_DATABASE_URL": url}
    environ.update(config.pop("ENVIRON", {}))
    return create_app({"ENVIRON": environ, "TESTING": True, **config})


def end_streams(app: Flask, seconds: float = 10) -> None:
    """End the live streams a served app still holds: one outliving its test would open new
    connections on the disposed engine's next pool, which nothing closes."""
    streams = app.extensions.get("painline_open_streams")
    if streams is None:
        return
    streams.end_all()
    deadline = time.monotonic() + seconds
    while streams.count and time.monotonic() < deadline:
        time.sleep(0.05)


def dispose(app: Flask) -> None:
    from server.extensions import db

    db.session.remove()
    db.engine.dispose()


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    app = make_app(database_url)
    yield app
    end_streams(app)
    with app.app_context():
        from server.extensions import db

        db.session.remove()
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        empty_all_tables(db.engine, tables)
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


@pytest.fixture
def db_session(app: Flask) -> Iterator[Session]:
    from server.extensions import db

    with app.app_context():
        yield db.session


@pytest.fixture
def metadata() -> MetaData:
    from server.models import Base

    return Base.metadata

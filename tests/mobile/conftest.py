"""Fixtures of the phone tests: a store in a temporary folder and a clock the test sets."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mobile.store import Store, account
from mobile.store.account import Enrollment
from tests.conftest import dispose, make_app, upgrade_to_head
from tests.mobile.builders import FakeClock
from tests.mobile.live_server import LiveServer, serve


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.in_directory(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def enrolled_store(store: Store) -> Store:
    with store.transaction() as connection:
        account.save_enrollment(
            connection, Enrollment("https://painline.example", "device-token", "patient-1", "Pixel")
        )
    return store


@pytest.fixture(scope="session")
def migrated_server_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated once; each live server gets a copy."""
    path = tmp_path_factory.mktemp("server") / "template.db"
    upgrade_to_head(f"sqlite:///{path}")
    return path


@pytest.fixture
def live_server(
    request: pytest.FixtureRequest, tmp_path: Path, migrated_server_database: Path
) -> Iterator[LiveServer]:
    """The real app on 127.0.0.1 with patient A (an enrollment code) and clinician A.

    Parametrize indirectly with a dict of environment variables to configure the server.
    """
    from server.extensions import db
    from tests.support.builders import build_world

    database = tmp_path / "server.db"
    shutil.copy(migrated_server_database, database)
    app = make_app(f"sqlite:///{database}", ENVIRON=getattr(request, "param", {}))
    with app.app_context():
        world = build_world(db.session)
        facts = {
            "patient_id": str(world.patient_a.id),
            "enrollment_code": world.enrollment_code_a,
            "clinician_token": world.tokens["clinician_a"],
            "device_token": world.tokens["device_a"],
        }
        db.session.remove()
    running = serve(app, str(database), facts)
    yield running
    running.stop()
    with app.app_context():
        dispose(app)

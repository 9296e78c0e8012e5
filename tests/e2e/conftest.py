"""Browser tests: Debian's headless Chromium, driven by Playwright, against the real app.

The app runs in a thread on werkzeug's server over a migrated SQLite file of each test. The
`world` of the server tests lives in it, and `api` calls the API as its phones and clinicians.
Without /usr/bin/chromium these tests skip with one line (CI=true turns that into a failure).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import ConsoleMessage, Page
from werkzeug.serving import make_server

from tests.conftest import end_streams, make_app, upgrade_to_head
from tests.server.conftest import Api
from tests.support.builders import World, build_world

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def needs_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """Every page a test visits must work under the Content-Security-Policy: a refused script,
    style or form target shows in the console, and fails the test."""
    refused: list[str] = []

    def listen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text}")

    page.on("console", listen)
    yield page
    assert refused == []


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "migrated.db"
    upgrade_to_head(f"sqlite:///{path}")
    return path


@dataclass
class LiveServer:
    app: Flask
    url: str


@pytest.fixture
def live_server(migrated_file: Path, tmp_path: Path) -> Iterator[LiveServer]:
    database = tmp_path / "painline.db"
    shutil.copy(migrated_file, database)
    # Streams end after a few seconds so the server's threads finish with the test.
    app = make_app(f"sqlite:///{database}", PAINLINE_STREAM_SECONDS=20)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(app, f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    thread.join(timeout=10)
    end_streams(app)
    from server.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def world(live_server: LiveServer) -> Iterator[World]:
    from server.extensions import db

    with live_server.app.app_context():
        yield build_world(db.session)


@pytest.fixture
def api(live_server: LiveServer, world: World) -> Api:
    return Api(live_server.app.test_client(), world)

"""The compose file's commands, run as written against the test PostgreSQL (no Docker here): the
API, and the stream service, worker and Caddy proxy together."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, make_app
from tests.server.delivery.live import open_stream
from tests.shared.builders import report_wire
from tests.support.builders import a_clinic, a_clinician, a_device, a_patient, a_staff_token, a_team
from tests.support.databases import fresh_postgres_database

COMPOSE = ROOT / "docker" / "compose.yaml"
CADDYFILE = ROOT / "docker" / "Caddyfile"
VARIABLES = {"POSTGRES_PASSWORD": "unused", "PAINLINE_SECRET_KEY": "x" * 40}
INTERPOLATION = re.compile(r"\$\{(?P<name>\w+)(?::[?-](?P<fallback>[^}]*))?\}")


def interpolate(value: str, variables: dict[str, str]) -> str:
    """Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?error}`, enough for our compose file."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name in variables:
            return variables[name]
        if match[0].startswith(f"${{{name}:-"):
            return match["fallback"] or ""
        raise KeyError(f"compose needs {name}")

    return INTERPOLATION.sub(replace, value)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(url: str, process: subprocess.Popen[str], seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"API exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return int(response.status)
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"no answer from {url} in {seconds} s")


def test_compose_api_command_migrates_and_serves_healthz(postgres_server_url):
    api = yaml.safe_load(COMPOSE.read_text())["services"]["api"]
    port = free_port()

    with fresh_postgres_database(postgres_server_url) as database_url:
        variables = {
            "POSTGRES_PASSWORD": "unused",
            "PAINLINE_SECRET_KEY": "x" * 40,
        }
        environment = {k: interpolate(str(v), variables) for k, v in api["environment"].items()}
        # The same command and settings; only the database host and the port differ from compose.
        environment |= {"PAINLINE_DATABASE_URL": database_url, "PORT": str(port)}
        env = {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", **environment}
        process = subprocess.Popen(
            api["command"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            status = wait_for_health(f"http://127.0.0.1:{port}/healthz", process, seconds=60)
        finally:
            process.terminate()
            output, _ = process.communicate(timeout=30)

    assert status == 200, output
    assert "Running upgrade" in output


def test_dockerfile_runs_as_a_non_root_user():
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()

    assert dockerfile.count("FROM ") >= 2, "expected a multi-stage build"
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.MULTILINE)


def service_environment(service: dict, database_url: str, **extra: str) -> dict[str, str]:
    environment = {k: interpolate(str(v), VARIABLES) for k, v in service["environment"].items()}
    environment |= {"PAINLINE_DATABASE_URL": database_url, **extra}
    return {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", **environment}


@contextmanager
def running(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[str]]:
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, text=True
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for_answer(url: str, process: subprocess.Popen[str], seconds: float = 60) -> None:
    """Any HTTP answer will do: the service is up (its health is another test's business)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"no answer from {url} in {seconds} s")


def seed_clinician_and_phone(database_url: str) -> tuple[str, str]:
    from server.extensions import db

    app = make_app(database_url)
    with app.app_context():
        team = a_team(db.session, a_clinic(db.session))
        clinician = a_staff_token(db.session, a_clinician(db.session, [team]))
        phone, _ = a_device(db.session, a_patient(db.session, team))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return clinician, phone


def push_emergency(port: int, phone: str) -> int:
    now = datetime.now(UTC)
    report = report_wire(now.date(), symptoms=["limb_weakness"], hour=now.hour, minute=now.minute)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = json.dumps({"cursor": None, "reports": [report], "doses": []})
    headers = {"Authorization": f"Bearer {phone}", "Content-Type": "application/json"}
    connection.request("POST", "/api/v1/sync", body=body, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def test_compose_serves_the_stream_apart_from_the_api_behind_caddy(postgres_server_url, tmp_path):
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy is not installed (Debian package caddy)")
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    api_port, stream_port, proxy_port = free_port(), free_port(), free_port()
    proxy_env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        # The compose file's names and ports, for this machine: plain HTTP on a free port.
        "PAINLINE_SITE_ADDRESS": f"http://127.0.0.1:{proxy_port}",
        "PAINLINE_API_UPSTREAM": f"127.0.0.1:{api_port}",
        "PAINLINE_STREAM_UPSTREAM": f"127.0.0.1:{stream_port}",
    }
    assert set(services["proxy"]["environment"]) <= set(proxy_env)

    with fresh_postgres_database(postgres_server_url) as database_url, ExitStack() as stack:

        def start(name: str, **extra: str) -> subprocess.Popen[str]:
            env = service_environment(services[name], database_url, **extra)
            return stack.enter_context(running(services[name]["command"], env, tmp_path / name))

        api = start("api", PORT=str(api_port))
        wait_for_answer(f"http://127.0.0.1:{api_port}/healthz", api)
        stream = start("stream", PORT=str(stream_port))
        start("worker")
        wait_for_answer(f"http://127.0.0.1:{stream_port}/healthz", stream)
        caddy_command = [caddy, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"]
        proxy = stack.enter_context(running(caddy_command, proxy_env, tmp_path / "proxy"))
        wait_for_answer(f"http://127.0.0.1:{proxy_port}/healthz", proxy)
        clinician, phone = seed_clinician_and_phone(database_url)

        reader = open_stream(proxy_port, {"Authorization": f"Bearer {clinician}"}, timeout=8)
        pushed = push_emergency(proxy_port, phone)
        events = reader.wait_for_events(1, seconds=15)
        assert reader.ended.wait(20)
        reader.close()
        searched = urllib.request.Request(
            f"http://127.0.0.1:{proxy_port}/api/v1/patients?q=RX5550123",
            headers={"Authorization": f"Bearer {clinician}"},
        )
        with urllib.request.urlopen(searched, timeout=5) as answer:
            assert answer.status == 200

    stream_log, api_log = (tmp_path / "stream").read_text(), (tmp_path / "api").read_text()
    assert pushed == 200
    assert [event["tier"] for event in events] == ["emergency"]
    assert "GET /api/v1/events" in stream_log, stream_log
    assert "Using worker: gevent" in stream_log
    assert "POST /api/v1/sync" in api_log
    assert "/api/v1/events" not in api_log
    # The access log has the search, never what was searched for (a name or hospital number).
    assert "GET /api/v1/patients " in api_log
    assert "RX5550123" not in api_log


def test_compose_publishes_only_the_proxy():
    services = yaml.safe_load(COMPOSE.read_text())["services"]

    published = sorted(name for name, service in services.items() if "ports" in service)

    assert published == ["proxy"]
    assert "--worker-class=gevent" in services["stream"]["command"]

"""The compose file's API command, run as written against the test PostgreSQL (no Docker here)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from tests.conftest import ROOT
from tests.support.databases import fresh_postgres_database

COMPOSE = ROOT / "docker" / "compose.yaml"
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

"""Serving the app under gunicorn (gthread or gevent, no control socket) on 127.0.0.1 for the
benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(
    url: str,
    app: str,
    workers: int = 2,
    threads: int = 4,
    keep_alive: int = 2,
    worker_class: str = "gthread",
    environ: dict[str, str] | None = None,
) -> Iterator[int]:
    """Serve `app` on a free local port against the database at `url`; yields the port.

    Under gevent `threads` is the number of connections one worker holds at once.
    """
    port = free_port()
    env = {**os.environ, "PAINLINE_DATABASE_URL": url, "PYTHONPATH": str(ROOT), **(environ or {})}
    concurrency = "--worker-connections" if worker_class == "gevent" else "--threads"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--worker-class",
        worker_class,
        "--workers",
        str(workers),
        concurrency,
        str(threads),
        "--keep-alive",
        str(keep_alive),
        "--no-control-socket",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        app,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        wait_until_up(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start within 60 s")

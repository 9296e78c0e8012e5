"""Sync benchmarks on PostgreSQL under gunicorn, each against a floor measured in the same run.

- One-report sync vs the bare single-row insert endpoint of the same app (target ratio <= 4),
  under a light load generator (a few threads with keep-alive connections).
- A 365-report backfill (one push) vs a SQLAlchemy Core executemany of the same rows (<= 3).
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from datetime import UTC, date, datetime, timedelta
from http.client import HTTPConnection
from typing import Any

from sqlalchemy import create_engine, insert

from server.models import PainReport
from tests.bench.results import Figure, absolute_figure, ratio_figure
from tests.conftest import ROOT, dispose, make_app, upgrade_to_head
from tests.support.builders import a_clinic, a_device, a_patient, a_team
from tests.support.databases import fresh_postgres_database, postgres_base_url

PATIENTS = 40
THREADS = 4
REQUESTS_PER_THREAD = 100
BACKFILL_DAYS = 365


def report(day: date, hour: int = 9) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "recorded_at": datetime(day.year, day.month, day.day, hour, tzinfo=UTC).isoformat(),
        "revision": 1,
        "deleted": False,
        "sites": [{"site": "femur_left", "score": 2}],
        "symptoms": [],
    }


def seed(url: str) -> tuple[list[tuple[str, str, str]], str, str]:
    """Patients with a phone each; returns (token, patient id, clinic id) per patient."""
    app = make_app(url)
    with app.app_context():
        from server.extensions import db

        clinic = a_clinic(db.session)
        team = a_team(db.session, clinic)
        phones = []
        for n in range(PATIENTS + 2):
            patient = a_patient(db.session, team, f"Bench {n}")
            token, _ = a_device(db.session, patient)
            phones.append((token, str(patient.id), str(clinic.id)))
        db.session.commit()
        dispose(app)
    backfill_phone, floor_phone = phones[-2], phones[-1]
    return phones[:PATIENTS], backfill_phone, floor_phone


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PAINLINE_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--worker-class",
        "gthread",
        "--workers",
        "2",
        "--threads",
        "4",
        "--no-control-socket",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "tests.bench.sync_app:app",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def post(connection: HTTPConnection, path: str, body: Any, token: str | None = None) -> float:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    started = time.perf_counter()
    connection.request("POST", path, json.dumps(body), headers)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return time.perf_counter() - started


def load(port: int, make_request: Any) -> list[float]:
    """THREADS clients, each sending REQUESTS_PER_THREAD requests back to back."""
    latencies: list[float] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        mine = [post(connection, *make_request(number, i)) for i in range(REQUESTS_PER_THREAD)]
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def one_report_sync(port: int, phones: list[tuple[str, str, str]]) -> tuple[float, float, float]:
    yesterday = datetime.now(UTC).date() - timedelta(days=1)

    def bare(number: int, i: int) -> tuple[str, Any]:
        _, patient_id, clinic_id = phones[(number * REQUESTS_PER_THREAD + i) % len(phones)]
        return "/bench/insert", {
            "patient_id": patient_id,
            "clinic_id": clinic_id,
            "report": report(yesterday),
        }

    def sync(number: int, i: int) -> tuple[str, Any, str]:
        token, _, _ = phones[(number * REQUESTS_PER_THREAD + i) % len(phones)]
        return "/api/v1/sync", {"cursor": None, "reports": [report(yesterday)], "doses": []}, token

    load(port, bare)  # warm both paths before measuring
    load(port, sync)
    floor = load(port, bare)
    measured = load(port, sync)
    p99 = statistics.quantiles(measured, n=100)[98]
    return statistics.median(measured), statistics.median(floor), p99


def backfill(
    port: int, url: str, phone: tuple[str, str, str], floor_phone: tuple[str, str, str]
) -> tuple[float, float]:
    today = datetime.now(UTC).date()
    days = [today - timedelta(days=n) for n in range(BACKFILL_DAYS, 0, -1)]
    connection = HTTPConnection("127.0.0.1", port, timeout=300)
    pushed = post(
        connection,
        "/api/v1/sync",
        {"cursor": None, "reports": [report(d) for d in days], "doses": []},
        phone[0],
    )
    connection.close()
    engine = create_engine(url)
    rows = [
        {
            "id": uuid.uuid4(),
            "clinic_id": uuid.UUID(floor_phone[2]),
            "patient_id": uuid.UUID(floor_phone[1]),
            "recorded_at": datetime.fromisoformat(r["recorded_at"]),
            "local_day": d,
            "revision": 1,
            "deleted": False,
            "body": r,
            "change_seq": n,
            "clock_ahead": False,
            "received_at": datetime.now(UTC),
        }
        for n, (d, r) in enumerate((d, report(d)) for d in days)
    ]
    started = time.perf_counter()
    with engine.begin() as connection_:
        connection_.execute(insert(PainReport), rows)
    floor = time.perf_counter() - started
    engine.dispose()
    return pushed, floor


def run() -> list[Figure]:
    with fresh_postgres_database(postgres_base_url()) as url:
        upgrade_to_head(url)
        phones, backfill_phone, floor_phone = seed(url)
        port = free_port()
        server = start_gunicorn(url, port)
        try:
            sync_p50, insert_p50, sync_p99 = one_report_sync(port, phones)
            pushed, executemany = backfill(port, url, backfill_phone, floor_phone)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return [
        ratio_figure(
            "sync of one report, p50 (vs bare insert)",
            sync_p50 * 1000,
            insert_p50 * 1000,
            "ms",
            at_most=4,
        ),
        absolute_figure("sync of one report, p99", sync_p99 * 1000, "ms", at_most=250),
        ratio_figure(
            "365-report backfill (vs Core executemany)",
            pushed * 1000,
            executemany * 1000,
            "ms",
            at_most=3,
        ),
    ]

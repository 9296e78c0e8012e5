"""Sync benchmarks on PostgreSQL under gunicorn, each against a floor measured in the same run.

- One-report sync vs the bare single-row insert endpoint of the same app (target ratio <= 4),
  under a light load generator (a few threads with keep-alive connections). Each phone sends the
  cursor its previous sync returned, as the app does; rounds of floor and sync alternate so a
  change in the machine's load falls on both.
- A 365-report backfill (one push) vs a SQLAlchemy Core executemany of the same rows (<= 3),
  repeated with fresh patients; medians of each.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from http.client import HTTPConnection
from typing import Any

from sqlalchemy import create_engine, insert, text

from server.models import PainReport
from tests.bench.gunicorn import gunicorn
from tests.bench.results import Figure, absolute_figure, ratio_figure
from tests.conftest import dispose, make_app, upgrade_to_head
from tests.support.builders import a_clinic, a_device, a_patient, a_team
from tests.support.databases import fresh_postgres_database, postgres_base_url

PATIENTS = 40
THREADS = 4
REQUESTS_PER_THREAD = 50
ROUNDS = 4
BACKFILL_DAYS = 365
BACKFILLS = 3


def report(day: date, hour: int = 9) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "recorded_at": datetime(day.year, day.month, day.day, hour, tzinfo=UTC).isoformat(),
        "revision": 1,
        "deleted": False,
        "sites": [{"site": "femur_left", "score": 2}],
        "symptoms": [],
    }


Phone = tuple[str, str, str]


def seed(url: str) -> tuple[list[Phone], list[tuple[Phone, Phone]]]:
    """Patients with a phone each, as (token, patient id, clinic id): the sync phones, then one
    (backfill, floor) pair per backfill run."""
    app = make_app(url)
    with app.app_context():
        from server.extensions import db

        clinic = a_clinic(db.session)
        team = a_team(db.session, clinic)
        phones = []
        for n in range(PATIENTS + 2 * BACKFILLS):
            patient = a_patient(db.session, team, f"Bench {n}")
            token, _ = a_device(db.session, patient)
            phones.append((token, str(patient.id), str(clinic.id)))
        db.session.commit()
        dispose(app)
    rest = phones[PATIENTS:]
    return phones[:PATIENTS], list(zip(rest[::2], rest[1::2], strict=True))


def post(
    connection: HTTPConnection, path: str, body: Any, token: str | None = None
) -> tuple[float, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    started = time.perf_counter()
    connection.request("POST", path, json.dumps(body), headers)
    response = connection.getresponse()
    answer = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return elapsed, json.loads(answer)


def load(port: int, make_request: Any, answered: Any = None) -> list[float]:
    """THREADS clients, each sending REQUESTS_PER_THREAD requests back to back."""
    latencies: list[float] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for i in range(REQUESTS_PER_THREAD):
            elapsed, answer = post(connection, *make_request(number, i))
            mine.append(elapsed)
            if answered is not None:
                answered(number, i, answer)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def phone_of(phones: list[Phone], number: int, i: int) -> int:
    """The phone that client `number` uses for its request `i`."""
    return (number * REQUESTS_PER_THREAD + i) % len(phones)


def one_report_syncs(phones: list[Phone], cursors: dict[int, Any]) -> tuple[Any, Any]:
    """Requests for `load`: each pushes one report of yesterday with the cursor its phone's
    previous sync returned, and the callback that keeps that cursor."""
    yesterday = datetime.now(UTC).date() - timedelta(days=1)

    def sync(number: int, i: int) -> tuple[str, Any, str]:
        phone = phone_of(phones, number, i)
        body = {"cursor": cursors.get(phone), "reports": [report(yesterday)], "doses": []}
        return "/api/v1/sync", body, phones[phone][0]

    def keep_cursor(number: int, i: int, answer: Any) -> None:
        cursors[phone_of(phones, number, i)] = answer["cursor"]

    return sync, keep_cursor


def one_report_sync(port: int, phones: list[Phone]) -> tuple[float, float, float]:
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    sync, keep_cursor = one_report_syncs(phones, {})

    def bare(number: int, i: int) -> tuple[str, Any]:
        _, patient_id, clinic_id = phones[phone_of(phones, number, i)]
        return "/bench/insert", {
            "patient_id": patient_id,
            "clinic_id": clinic_id,
            "report": report(yesterday),
        }

    load(port, bare)  # warm both paths before measuring
    load(port, sync, keep_cursor)
    floor: list[float] = []
    measured: list[float] = []
    for _ in range(ROUNDS):
        floor.extend(load(port, bare))
        measured.extend(load(port, sync, keep_cursor))
    p99 = statistics.quantiles(measured, n=100)[98]
    return statistics.median(measured), statistics.median(floor), p99


def backfill(port: int, url: str, phone: Phone, floor_phone: Phone) -> tuple[float, float]:
    today = datetime.now(UTC).date()
    days = [today - timedelta(days=n) for n in range(BACKFILL_DAYS, 0, -1)]
    connection = HTTPConnection("127.0.0.1", port, timeout=300)
    pushed, _ = post(
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
    with engine.connect() as connection_:
        connection_.execute(text("SELECT 1"))  # connected before the clock starts
        connection_.commit()
        started = time.perf_counter()
        connection_.execute(insert(PainReport), rows)
        connection_.commit()
        floor = time.perf_counter() - started
    engine.dispose()
    return pushed, floor


def run() -> list[Figure]:
    with fresh_postgres_database(postgres_base_url()) as url:
        upgrade_to_head(url)
        phones, backfill_pairs = seed(url)
        with gunicorn(url, "tests.bench.sync_app:app") as port:
            sync_p50, insert_p50, sync_p99 = one_report_sync(port, phones)
            runs = [backfill(port, url, *pair) for pair in backfill_pairs]
        pushed = statistics.median(run[0] for run in runs)
        executemany = statistics.median(run[1] for run in runs)
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

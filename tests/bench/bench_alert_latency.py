"""Alert-to-stream latency on PostgreSQL: from the sync request that raises an emergency alert to
its event on a clinician's live stream, through the worker's fan-out and LISTEN/NOTIFY.

200 alerts (one per patient), one at a time, against a real threaded HTTP server and a worker
thread on its own app; the floor is a bare NOTIFY-to-notification round trip in the same run.
"""

from __future__ import annotations

import http.client
import json
import statistics
import threading
import time
from datetime import UTC, datetime
from typing import Any

import psycopg
from werkzeug.serving import make_server

from tests.bench.results import Figure
from tests.conftest import make_app, upgrade_to_head
from tests.shared.builders import report_wire
from tests.support.builders import a_clinic, a_clinician, a_device, a_patient, a_staff_token, a_team
from tests.support.databases import fresh_postgres_database, postgres_base_url

ALERTS = 200
TARGET_P99_SECONDS = 1.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def notify_round_trips(url: str, count: int = ALERTS) -> list[float]:
    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    times = []
    with (
        psycopg.connect(conninfo, autocommit=True) as listener,
        psycopg.connect(conninfo, autocommit=True) as sender,
    ):
        listener.execute("LISTEN bench_floor")
        for _ in range(count):
            start = time.perf_counter()
            sender.execute("NOTIFY bench_floor")
            for _ in listener.notifies(timeout=5, stop_after=1):
                break
            times.append(time.perf_counter() - start)
    return times


def populate(app: Any) -> tuple[str, list[tuple[str, str]]]:
    from server.extensions import db

    with app.app_context():
        session = db.session
        team = a_team(session, a_clinic(session))
        token = a_staff_token(session, a_clinician(session, [team]))
        devices = []
        for n in range(ALERTS):
            patient = a_patient(session, team, f"Bench {n}")
            devices.append((str(patient.id), a_device(session, patient)[0]))
        session.commit()
        db.session.remove()
    return token, devices


class StreamReader(threading.Thread):
    """Reads the SSE stream and notes when each patient's event arrived."""

    def __init__(self, port: int, token: str) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.token = token
        self.arrived: dict[str, float] = {}
        self.condition = threading.Condition()
        self.ready = threading.Event()

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request(
            "GET", "/api/v1/events?timeout=300", headers={"Authorization": f"Bearer {self.token}"}
        )
        response = connection.getresponse()
        self.ready.set()
        for raw in response:
            line = raw.decode().rstrip("\n")
            if line.startswith("data: "):
                patient_id = json.loads(line[6:])["patient_id"]
                with self.condition:
                    self.arrived[patient_id] = time.perf_counter()
                    self.condition.notify_all()

    def wait_for(self, patient_id: str, seconds: float = 10) -> float:
        with self.condition:
            self.condition.wait_for(lambda: patient_id in self.arrived, timeout=seconds)
            return self.arrived[patient_id]


def sync_emergency(port: int, device_token: str) -> None:
    now = datetime.now(UTC)
    report = report_wire(now.date(), symptoms=["limb_weakness"], hour=now.hour, minute=now.minute)
    body = json.dumps({"cursor": None, "reports": [report], "doses": []})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {device_token}", "Content-Type": "application/json"}
    connection.request("POST", "/api/v1/sync", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status
    connection.close()


def measure(url: str) -> list[float]:
    from server.delivery.worker import Worker

    app = make_app(url)
    token, devices = populate(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    worker = Worker(make_app(url))
    threading.Thread(target=worker.run, daemon=True).start()
    reader = StreamReader(port, token)
    reader.start()
    reader.ready.wait(10)
    time.sleep(0.5)  # let the stream's listener connect before the first alert
    latencies = []
    try:
        for patient_id, device_token in devices:
            start = time.perf_counter()
            sync_emergency(port, device_token)
            latencies.append(reader.wait_for(patient_id) - start)
    finally:
        worker.stop.set()
        server.shutdown()
    return latencies


def run() -> list[Figure]:
    with fresh_postgres_database(postgres_base_url()) as url:
        upgrade_to_head(url)
        floor = notify_round_trips(url)
        latencies = measure(url)
    floor_p50, floor_p99 = statistics.median(floor), percentile(floor, 0.99)
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    met = p99 < TARGET_P99_SECONDS
    target = f"p99 < {TARGET_P99_SECONDS:g} s"
    return [
        Figure("alert to stream p50 (vs NOTIFY p50)", p50, floor_p50, "s", target, met),
        Figure("alert to stream p99 (vs NOTIFY p99)", p99, floor_p99, "s", target, met),
    ]

"""The worklist at scale on PostgreSQL: 10,000 patients of one team, 1,000 open alerts.

Rows are bulk-inserted with SQLAlchemy Core into a fresh migrated database: the patients, a
week of daily check-ins for four in five of them (the rest are not reporting), and open alerts
of every worklist tier. The page is rendered through the app (session cookie, audit row and all)
for a clinician of that team, interleaved with the same page for a clinician whose team has no
patients: p95 of each, and the ratio.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from tests.bench.results import Figure, absolute_figure, reported_figure
from tests.conftest import make_app, upgrade_to_head
from tests.server.dashboard.signing_in import sign_in_with_token
from tests.support.builders import a_clinic, a_clinician, a_staff_token, a_team
from tests.support.databases import fresh_postgres_database, postgres_base_url

PATIENTS = 10_000
OPEN_ALERTS = 1_000
REPORTING_SHARE = 0.8
REPORT_DAYS = 7
RENDERS = 40
WARM_UP = 5
TARGET_P95_MS = 150.0
TIERS = ("emergency", "urgent", "priority", "routine")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def populate(app: Any) -> tuple[str, str]:
    """The busy team's clinician token, and the empty team's."""
    from server.extensions import db
    from server.models import Alert, PainReport, Patient

    with app.app_context():
        session = db.session
        clinic = a_clinic(session)
        busy, empty = a_team(session, clinic, "Busy"), a_team(session, clinic, "Empty")
        busy_token = a_staff_token(session, a_clinician(session, [busy], "busy@example.org"))
        empty_token = a_staff_token(session, a_clinician(session, [empty], "empty@example.org"))
        session.commit()
        clinic_id, team_id = clinic.id, busy.id
        now = datetime.now(UTC)
        rng = random.Random(9)
        patients = [
            {
                "id": uuid.uuid4(),
                "clinic_id": clinic_id,
                "care_team_id": team_id,
                "display_name": f"Patient {n:05}",
                "status": "active",
            }
            for n in range(PATIENTS)
        ]
        reports = []
        for patient in patients[: int(PATIENTS * REPORTING_SHARE)]:
            for day in range(REPORT_DAYS):
                at = now - timedelta(days=day, hours=rng.randint(0, 6))
                reports.append(
                    {
                        "id": uuid.uuid4(),
                        "clinic_id": clinic_id,
                        "patient_id": patient["id"],
                        "local_day": at.date(),
                        "recorded_at": at,
                        "revision": 1,
                        "body": {"sites": [{"site": "femur_left", "score": rng.randint(0, 9)}]},
                        "change_seq": day + 1,
                    }
                )
        alerted = rng.sample(patients, OPEN_ALERTS)
        alerts = [
            {
                "clinic_id": clinic_id,
                "patient_id": patient["id"],
                "rule": "persistent_focal_pain",
                "rule_version": 1,
                "tier": TIERS[n % len(TIERS)],
                "site": "femur_left",
                "status": "open",
                "explanation": "Pain of 5 or more at the same site for 3 days.",
                "suggested_action": "Review analgesia.",
                "citation": "ESMO 2018",
                "config_hash": "0" * 64,
                "raised_at": now - timedelta(minutes=rng.randint(1, 3000)),
            }
            for n, patient in enumerate(alerted)
        ]
        with db.engine.begin() as connection:
            connection.execute(insert(Patient.__table__), patients)
            for start in range(0, len(reports), 10_000):
                connection.execute(insert(PainReport.__table__), reports[start : start + 10_000])
            connection.execute(insert(Alert.__table__), alerts)
            connection.exec_driver_sql("ANALYZE")
        db.session.remove()
    return busy_token, empty_token


def render_times(app: Any, busy_token: str, empty_token: str) -> tuple[list[float], list[float]]:
    busy_client, empty_client = app.test_client(), app.test_client()
    sign_in_with_token(busy_client, busy_token)
    sign_in_with_token(empty_client, empty_token)
    busy, empty = [], []
    for n in range(WARM_UP + RENDERS):
        for client, times in ((busy_client, busy), (empty_client, empty)):
            start = time.perf_counter()
            response = client.get("/")
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.status_code
            if n >= WARM_UP:
                times.append(elapsed * 1000)
    return busy, empty


def run() -> list[Figure]:
    with fresh_postgres_database(postgres_base_url()) as url:
        upgrade_to_head(url)
        app = make_app(url)
        started = time.perf_counter()
        busy_token, empty_token = populate(app)
        loaded = time.perf_counter() - started
        busy, empty = render_times(app, busy_token, empty_token)
        page = app.test_client()
        sign_in_with_token(page, busy_token)
        rows = page.get("/").get_data(as_text=True).count('data-patient-id="')
        from server.extensions import db

        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    p95, floor = percentile(busy, 0.95), percentile(empty, 0.95)
    label = f"worklist {PATIENTS:,} patients {OPEN_ALERTS:,} alerts"
    return [
        # The ratio is reported; the target is the absolute p95.
        Figure(f"{label} p95 vs empty list", p95, floor, "ms", "-", None),
        absolute_figure(f"{label} p95", p95, "ms", at_most=TARGET_P95_MS),
        reported_figure("worklist empty list p95", floor, "ms"),
        reported_figure("worklist rows rendered on the first page", rows, "rows"),
        reported_figure("worklist bench data bulk insert", loaded, "s"),
    ]

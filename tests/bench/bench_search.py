"""Patient search at scale on PostgreSQL: the worklist bench's 10,000 patients, each with an MRN.

`GET /api/v1/patients?q=` by the start of an MRN and by part of a name, each interleaved with
the plain list of the same clinician (the floor): p95 of each, target ratio <= 2. The worklist
searched by name is measured against the plain worklist the same way. Each search finds ten
patients, and every answer is checked, so a fast wrong answer cannot pass.
"""

from __future__ import annotations

import json
import time
from typing import Any

from tests.bench.bench_worklist import PATIENTS, percentile, populate
from tests.bench.results import Figure, ratio_figure
from tests.conftest import dispose, make_app, upgrade_to_head
from tests.server.dashboard.signing_in import sign_in_with_token
from tests.support.databases import fresh_postgres_database, postgres_base_url

CALLS = 60
WARM_UP = 5
TARGET_RATIO = 2.0
PATIENTS_URL = "/api/v1/patients"
# Each finds ten patients of the 10,000: "Patient 01230" to "Patient 01239", MRNs RX01230...
MRN_START = "rx0123"
NAME_PART = "ent 0123"


def give_mrns(app: Any) -> None:
    """`RX` and the patient's number: "Patient 01234" is RX01234. Then the VACUUM autovacuum would
    run: until then the name index's fresh entries wait in GIN's pending list, and the planner
    rightly reads the table instead."""
    from server.extensions import db

    with app.app_context():
        with db.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE patients SET mrn = 'RX' || substr(display_name, 9)")
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE patients")


def p95_pair(call: Any, searched: str, plain: str) -> tuple[float, float]:
    """p95 in ms of the searched URL and the plain one, called in turn; each answer checked."""
    times: dict[str, list[float]] = {searched: [], plain: []}
    for n in range(WARM_UP + CALLS):
        for url, spent in times.items():
            start = time.perf_counter()
            call(url)
            if n >= WARM_UP:
                spent.append((time.perf_counter() - start) * 1000)
    return percentile(times[searched], 0.95), percentile(times[plain], 0.95)


def api_caller(app: Any, token: str) -> Any:
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}

    def call(url: str) -> None:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.status_code
        total = json.loads(response.headers["X-Pagination"])["total"]
        assert total == (10 if "q=" in url else PATIENTS), (url, total)

    return call


def worklist_caller(app: Any, token: str) -> Any:
    client = app.test_client()
    sign_in_with_token(client, token)

    def call(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        rows = response.get_data(as_text=True).count('data-patient-id="')
        assert rows == (10 if "q=" in url else 100), (url, rows)

    return call


def run() -> list[Figure]:
    with fresh_postgres_database(postgres_base_url()) as url:
        upgrade_to_head(url)
        app = make_app(url)
        token, _ = populate(app)
        give_mrns(app)
        api = api_caller(app, token)
        by_mrn = p95_pair(api, f"{PATIENTS_URL}?q={MRN_START}", PATIENTS_URL)
        by_name = p95_pair(api, f"{PATIENTS_URL}?q={NAME_PART.replace(' ', '+')}", PATIENTS_URL)
        on_worklist = p95_pair(
            worklist_caller(app, token), f"/?q={NAME_PART.replace(' ', '+')}", "/"
        )
        with app.app_context():
            dispose(app)
    label = f"{PATIENTS:,} patients"
    return [
        ratio_figure(f"patients ?q= MRN start p95 vs list, {label}", *by_mrn, "ms", TARGET_RATIO),
        ratio_figure(f"patients ?q= name part p95 vs list, {label}", *by_name, "ms", TARGET_RATIO),
        ratio_figure(f"worklist search p95 vs worklist, {label}", *on_worklist, "ms", TARGET_RATIO),
    ]

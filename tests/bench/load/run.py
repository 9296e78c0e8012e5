"""One load run: seed phones, serve the app, drive the phases, verify the database."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

from sqlalchemy import create_engine, text

from tests.bench.gunicorn import gunicorn
from tests.bench.load.client import Client
from tests.bench.load.phones import Phone, seed_phones
from tests.bench.load.scenario import PhaseResult, ramp, steady, storm
from tests.bench.load.verify import Verdict, verify
from tests.conftest import upgrade_to_head
from tests.support.databases import fresh_postgres_database, postgres_base_url

MAX_CONNECTIONS = 256


@dataclass(frozen=True)
class Plan:
    rate: float
    seconds: float
    storm_phones: int
    ramp_rates: tuple[float, ...]
    ramp_seconds: float


# The plan; `make bench` runs it too (about 4 minutes of its 20).
FULL = Plan(200, 60, 2000, (50, 100, 150, 200, 250, 300, 400, 500), 10)
# For trying a change: the same rate and storm, shorter phases.
SHORT = Plan(200, 20, 2000, (50, 100, 150, 200, 250, 300, 400, 500), 5)


@dataclass(frozen=True)
class LoadReport:
    plan: Plan
    check_ins: PhaseResult
    storm: PhaseResult
    ramp: list[PhaseResult]
    verdict: Verdict

    @property
    def highest_rate_held(self) -> float:
        """The highest offered rate of a step (or the check-ins) that was held (see `held`)."""
        held = [step.offered or 0.0 for step in [self.check_ins, *self.ramp] if step.held()]
        return max(held, default=0.0)

    def lines(self) -> list[str]:
        phases = [self.check_ins, self.storm, *self.ramp]
        return [
            *(phase.line() for phase in phases),
            f"highest rate held at p99 < 250 ms: {self.highest_rate_held:.0f} requests/s",
            self.verdict.line(),
        ]


def run_load(plan: Plan, seed: int = 12) -> LoadReport:
    with fresh_postgres_database(postgres_base_url()) as url:
        upgrade_to_head(url)
        phones = seed_phones(url, plan.storm_phones)
        # Served as docker/compose.yaml serves it: 2 workers of 8 threads.
        with gunicorn(url, "server:create_app()", threads=8, keep_alive=30) as port:
            check_ins, storm_result, steps = asyncio.run(drive(port, url, phones, plan, seed))
        verdict = verify(url, phones)
    return LoadReport(plan, check_ins, storm_result, steps, verdict)


def settle(url: str) -> None:
    """Vacuum and analyse after the storm's 100,000-odd inserts, as autovacuum would within the
    minute: the steps then measure the server, not PostgreSQL catching up on the storm."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("VACUUM (ANALYZE)"))
    engine.dispose()


async def drive(
    port: int, url: str, phones: list[Phone], plan: Plan, seed: int
) -> tuple[PhaseResult, PhaseResult, list[PhaseResult]]:
    rng = random.Random(seed)
    client = Client("127.0.0.1", port, MAX_CONNECTIONS)
    try:
        check_ins = await steady(client, phones, plan.rate, plan.seconds, rng)
        await asyncio.sleep(1)
        storm_result = await storm(client, phones[: plan.storm_phones], rng)
        await asyncio.to_thread(settle, url)
        steps = await ramp(client, phones, list(plan.ramp_rates), plan.ramp_seconds, rng)
    finally:
        client.close()
    return check_ins, storm_result, steps

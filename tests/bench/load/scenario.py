"""The load phases: check-ins at a fixed rate, a storm, steps up to the highest rate held.

Requests are sent on a fixed schedule (an open loop): a slow server does not slow the senders,
and each latency runs from when the request was due, so waiting for a connection counts.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tests.bench.load.client import Answer, Client
from tests.bench.load.phones import Phone, check_in, week_of_backlog

SYNC = "/api/v1/sync"
P99_LIMIT_SECONDS = 0.250
# Served over offered: the served rate's clock runs on until the last answer, so a phase that
# kept up still reads a little under its schedule.
SERVED_AT_LEAST = 0.97


@dataclass(frozen=True)
class PhaseResult:
    name: str
    requests: int
    errors: int
    seconds: float
    p50: float
    p99: float
    # The open loop's schedule (None for the storm, which sends all at once).
    offered: float | None = None

    @property
    def rate(self) -> float:
        """Served: requests over the time from the first send to the last answer."""
        return self.requests / self.seconds

    def held(self) -> bool:
        """No error, p99 under the limit, and (for a scheduled phase) the schedule kept up with."""
        kept_up = self.offered is None or self.rate >= SERVED_AT_LEAST * self.offered
        return self.errors == 0 and self.p99 < P99_LIMIT_SECONDS and kept_up

    def line(self) -> str:
        return (
            f"{self.name:<34} {self.requests:>6} requests {self.rate:>7.1f}/s  "
            f"p50 {self.p50 * 1000:>7.1f} ms  p99 {self.p99 * 1000:>7.1f} ms  "
            f"errors {self.errors}"
        )


def summarise(
    name: str, answers: list[Answer], seconds: float, offered: float | None = None
) -> PhaseResult:
    latencies = sorted(answer.seconds for answer in answers)
    p99 = statistics.quantiles(latencies, n=100)[98] if len(latencies) > 1 else latencies[0]
    errors = sum(answer.status != 200 for answer in answers)
    median = statistics.median(latencies)
    return PhaseResult(name, len(answers), errors, seconds, median, p99, offered)


async def sync_one(
    client: Client, phone: Phone, body: dict[str, Any], due: float, counts: bool = True
) -> Answer:
    answer = await client.post(SYNC, body, phone.token, due)
    if answer.status == 200:
        phone.acknowledged.extend(answer.body["accepted"])
        if not answer.body["more"]:
            phone.cursor = answer.body["cursor"]
    return answer


async def at_rate(
    client: Client,
    phones: list[Phone],
    rate: float,
    seconds: float,
    body_for: Callable[[Phone], dict[str, Any]],
) -> tuple[list[Answer], float]:
    """`rate` requests a second for `seconds`, each from the next phone in turn."""
    count = int(rate * seconds)
    start = time.perf_counter()
    tasks = []
    for n in range(count):
        due = start + n / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        phone = phones[n % len(phones)]
        tasks.append(asyncio.create_task(sync_one(client, phone, body_for(phone), due)))
    answers = list(await asyncio.gather(*tasks))
    return answers, time.perf_counter() - start


async def steady(
    client: Client, phones: list[Phone], rate: float, seconds: float, rng: random.Random
) -> PhaseResult:
    answers, elapsed = await at_rate(
        client, phones, rate, seconds, lambda phone: check_in(phone, datetime.now(UTC), rng)
    )
    return summarise(f"check-ins at {rate:g}/s for {seconds:g} s", answers, elapsed, rate)


async def ramp(
    client: Client,
    phones: list[Phone],
    rates: list[float],
    seconds: float,
    rng: random.Random,
) -> list[PhaseResult]:
    """Step up through `rates` until a step misses p99 < 250 ms or errs (then stop)."""
    steps = []
    for rate in rates:
        step = await steady(client, phones, rate, seconds, rng)
        steps.append(step)
        if not step.held():
            break
        await asyncio.sleep(1)  # let the queue drain so steps do not bleed into each other
    return steps


async def storm(client: Client, phones: list[Phone], rng: random.Random) -> PhaseResult:
    """Every phone reconnects at once and pushes its week of backlog (one request each,
    then again while the server says `more`)."""
    now = datetime.now(UTC)
    start = time.perf_counter()
    bodies = {phone.token: week_of_backlog(phone, now, rng) for phone in phones}

    async def reconnect(phone: Phone) -> list[Answer]:
        answers = [await sync_one(client, phone, bodies[phone.token], start)]
        while answers[-1].status == 200 and answers[-1].body["more"]:
            due = time.perf_counter()
            body = {"cursor": answers[-1].body["cursor"], "reports": [], "doses": []}
            answers.append(await sync_one(client, phone, body, due))
        return answers

    runs = await asyncio.gather(*(reconnect(phone) for phone in phones))
    elapsed = time.perf_counter() - start
    answers = [answer for run in runs for answer in run]
    return summarise(f"storm: {len(phones)} phones x a week", answers, elapsed)

"""The load test as `make bench` figures: absolute numbers on this machine (see the table's
machine lines). The full plan: check-ins at 200/s for 60 s, a storm of 2,000 phones each pushing
a week, then 10 s steps up from 50/s; `python -m tests.bench.load` runs it on its own.
"""

from __future__ import annotations

import sys

from tests.bench.load.run import FULL, run_load
from tests.bench.results import Figure, absolute_figure, reported_figure


def run() -> list[Figure]:
    report = run_load(FULL)
    for line in report.lines():
        print(f"  {line}", file=sys.stderr, flush=True)
    check_ins, storm, verdict = report.check_ins, report.storm, report.verdict
    steady = f"load: check-ins at {report.plan.rate:g}/s"
    storm_name = f"load: storm of {report.plan.storm_phones} phones"
    return [
        reported_figure(f"{steady}, rate served", check_ins.rate, "req/s"),
        reported_figure(f"{steady}, p50", check_ins.p50 * 1000, "ms"),
        absolute_figure(f"{steady}, p99", check_ins.p99 * 1000, "ms", at_most=250),
        absolute_figure(f"{steady}, errors", check_ins.errors, "requests", at_most=0),
        absolute_figure(
            "load: highest rate held at p99 < 250 ms",
            report.highest_rate_held,
            "req/s",
            at_least=200,
        ),
        reported_figure(f"{storm_name}, p50 to acknowledged", storm.p50, "s"),
        reported_figure(f"{storm_name}, p99 to acknowledged", storm.p99, "s"),
        absolute_figure(f"{storm_name}, errors", storm.errors, "requests", at_most=0),
        absolute_figure(
            "load: acknowledged records missing or doubled",
            verdict.missing + verdict.stored_twice,
            "records",
            at_most=0,
        ),
        absolute_figure(
            "load: live alerts without their outbox row",
            verdict.alerts_without_outbox,
            "alerts",
            at_most=0,
        ),
    ]

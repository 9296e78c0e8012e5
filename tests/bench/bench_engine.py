"""Engine benchmarks: cost per evaluation at one year of history against one month (the window
is sliced, so near 1), and replay throughput over 100 busy patients x 365 days.

The busy patient (`shared.synthetic.busy_patient`) logs 1-2 reports and 3 doses every day.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory
from shared.replay import load_patient, replay
from shared.synthetic import busy_patient
from tests.bench.results import Figure, absolute_figure, ratio_figure

UNTIL = date(2026, 11, 27)
EVALUATIONS = 200
LAST_REPORTS = 20
PATIENTS = 100
YEAR, MONTH = 365, 30


def history_of(document: dict[str, Any]) -> tuple[PatientHistory, list[Any]]:
    patient = load_patient(document)
    history = PatientHistory.build(
        patient.reports, patient.doses, patient.treatments, patient.context
    )
    return history, [report.recorded_at for report in patient.reports]


def evaluations(days: int) -> tuple[Callable[[], None], int]:
    """Evaluations at the times of the last 20 reports, each on a copy of the history with
    nothing derived yet, so both histories do the same work save what their length costs."""
    history, times = history_of(busy_patient(1, UNTIL, days))
    config = RulesConfig()
    moments = times[-LAST_REPORTS:] * (EVALUATIONS // LAST_REPORTS)

    def run_all() -> None:
        for now in moments:
            evaluate(replace(history), now, config)

    return run_all, len(moments)


def interleaved_medians(*actions: Callable[[], None], rounds: int = 11) -> list[float]:
    """Median CPU time of each action, the actions taking turns so that a busy spell on a
    shared machine slows them alike."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(rounds):
        for action, taken in zip(actions, times, strict=True):
            started = time.process_time()
            action()
            taken.append(time.process_time() - started)
    return [statistics.median(taken) for taken in times]


def replay_reports_per_second() -> tuple[float, int]:
    documents = [busy_patient(seed, UNTIL, YEAR) for seed in range(PATIENTS)]
    reports = sum(len(document["reports"]) for document in documents)
    config = RulesConfig()
    started = time.process_time()
    for document in documents:
        replay(load_patient(document), config)
    return reports / (time.process_time() - started), reports


def run() -> list[Figure]:
    (run_year, count), (run_month, _) = evaluations(YEAR), evaluations(MONTH)
    year, month = (total / count for total in interleaved_medians(run_year, run_month))
    throughput, reports = replay_reports_per_second()
    return [
        ratio_figure("engine: s/evaluation, 1 year vs 1 month of history", year, month, "s", 1.3),
        absolute_figure(
            f"replay: {PATIENTS} patients x {YEAR} days ({reports} reports, 1 core)",
            throughput,
            "reports/s",
            at_least=2000,
        ),
    ]


if __name__ == "__main__":
    print(os.cpu_count(), [f"{f.name}: {f.value:.4g} {f.unit}" for f in run()])

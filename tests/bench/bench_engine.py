"""Engine benchmarks: cost per evaluation at one year of history against one month (the window
is sliced, so near 1), and replay throughput over 100 busy patients x 365 days.

The busy patient (`shared.synthetic.busy_patient`) logs 1-2 reports and 3 doses every day.
"""

from __future__ import annotations

import os
import time
from datetime import date
from typing import Any

from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory
from shared.replay import load_patient, replay
from shared.synthetic import busy_patient
from tests.bench.results import Figure, absolute_figure, median_seconds, ratio_figure

UNTIL = date(2026, 11, 27)
EVALUATIONS = 200
PATIENTS = 100
YEAR, MONTH = 365, 30


def history_of(document: dict[str, Any]) -> tuple[PatientHistory, list[Any]]:
    patient = load_patient(document)
    history = PatientHistory.build(
        patient.reports, patient.doses, patient.treatments, patient.context
    )
    return history, [report.recorded_at for report in patient.reports]


def seconds_per_evaluation(days: int) -> float:
    """Evaluations at the times of the last reports, so each sees the full `days` behind it."""
    history, times = history_of(busy_patient(1, UNTIL, days))
    config = RulesConfig()
    moments = (times * (EVALUATIONS // len(times) + 1))[-EVALUATIONS:]

    def run_all() -> None:
        for now in moments:
            evaluate(history, now, config)

    return median_seconds(run_all, repeats=7) / EVALUATIONS


def replay_reports_per_second() -> tuple[float, int]:
    documents = [busy_patient(seed, UNTIL, YEAR) for seed in range(PATIENTS)]
    reports = sum(len(document["reports"]) for document in documents)
    config = RulesConfig()
    started = time.process_time()
    for document in documents:
        replay(load_patient(document), config)
    return reports / (time.process_time() - started), reports


def run() -> list[Figure]:
    year, month = seconds_per_evaluation(YEAR), seconds_per_evaluation(MONTH)
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

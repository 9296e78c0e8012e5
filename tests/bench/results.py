"""One benchmark figure: what was measured, its floor in the same run, the ratio and the target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    floor: float | None
    unit: str
    target: str
    met: bool | None  # None: reported for the record, with no target of its own

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None


def ratio_figure(name: str, value: float, floor: float, unit: str, at_most: float) -> Figure:
    """A figure whose ratio to its floor must stay at or under `at_most`."""
    return Figure(name, value, floor, unit, f"ratio <= {at_most:g}", value / floor <= at_most)


def absolute_figure(
    name: str, value: float, unit: str, at_least: float | None = None, at_most: float | None = None
) -> Figure:
    if at_least is not None:
        return Figure(name, value, None, unit, f">= {at_least:g} {unit}", value >= at_least)
    assert at_most is not None
    return Figure(name, value, None, unit, f"<= {at_most:g} {unit}", value <= at_most)


def reported_figure(name: str, value: float, unit: str) -> Figure:
    """A figure shown in the table without a target (it does not count in `N/M targets met`)."""
    return Figure(name, value, None, unit, "-", None)


def median_seconds(action: Callable[[], object], repeats: int = 5) -> float:
    """Median wall time of `repeats` runs: robust to one slow run on a shared machine."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)

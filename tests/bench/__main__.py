"""`python -m tests.bench [NAME...]`: run every benchmark module, print one table and the tally.

Each module `tests/bench/bench_*.py` has `run() -> list[Figure]`. Each runs in a fresh interpreter
(`--figures-of NAME` prints its figures as JSON), so threads or servers one leaves behind do not
eat into the next one's measurements.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import pkgutil
import subprocess
import sys
import time

from tests import bench
from tests.bench.machine import describe_machine
from tests.bench.results import Figure


def discover(names: list[str]) -> list[str]:
    modules = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    return [m for m in modules if not names or any(n in m for n in names)]


def format_row(figure: Figure) -> str:
    floor = f"{figure.floor:.4g}" if figure.floor is not None else "-"
    ratio = f"{figure.ratio:.2f}" if figure.ratio is not None else "-"
    verdict = {True: "met", False: "MISSED", None: "reported"}[figure.met]
    return (
        f"{figure.name:<52} {figure.value:>12.4g} {floor:>12} {ratio:>7} "
        f"{figure.unit:<10} {figure.target:<18} {verdict}"
    )


def figures_of(name: str) -> list[Figure]:
    """Run one module in its own interpreter and read back its figures."""
    print(f"running {name} ...", file=sys.stderr, flush=True)
    child = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--figures-of", name],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        print(f"{name} failed with exit status {child.returncode}", file=sys.stderr)
        return [Figure(f"{name}: failed to run", 0, None, "-", "runs", False)]
    return [Figure(**fields) for fields in json.loads(child.stdout.splitlines()[-1])]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--figures-of"]:
        module = importlib.import_module(f"tests.bench.{argv[1]}")
        print(json.dumps([dataclasses.asdict(figure) for figure in module.run()]))
        return 0
    figures: list[Figure] = []
    started = time.perf_counter()
    machine_before = describe_machine()
    for name in discover(argv):
        figures.extend(figures_of(name))
    header = ("figure", "value", "floor", "ratio", "unit", "target")
    print("{:<52} {:>12} {:>12} {:>7} {:<10} {:<18} result".format(*header))
    for figure in figures:
        print(format_row(figure))
    targeted = [figure for figure in figures if figure.met is not None]
    met = sum(bool(figure.met) for figure in targeted)
    print(f"before: {machine_before}")
    print(f"after:  {describe_machine()}")
    print(f"({time.perf_counter() - started:.0f} s)")
    print(f"bench: {met}/{len(targeted)} targets met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

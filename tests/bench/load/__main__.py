"""`python -m tests.bench.load [--short]`: the load test on its own, printing each phase."""

from __future__ import annotations

import argparse
import sys

from tests.bench.load.run import FULL, SHORT, run_load
from tests.bench.machine import describe_machine


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.load")
    parser.add_argument(
        "--short", action="store_true", help="check-ins for 20 s and 5 s ramp steps, not 60 and 10"
    )
    args = parser.parse_args(argv)
    print(describe_machine(), flush=True)
    report = run_load(SHORT if args.short else FULL)
    for line in report.lines():
        print(line)
    print(describe_machine())
    return 0 if report.verdict.ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""`python -m shared.replay FILE_OR_DIR... [--resolve-after-days N] [--config FILE] [--summary]`

Replays each patient file (a directory stands for its `*.json` files, in name order) and prints
one JSON line per alert event, in time order; with several files each line also names the
patient. `--summary` adds alerts per patient-month by rule and tier after the events. A file
that cannot be read or checked gets one line on stderr naming the file and the field, and the
others still replay; the exit status is 1 only when no file could be replayed (2 for bad
arguments or a bad --config).
"""

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shared.config import DEFAULT_CONFIG, ConfigError, RulesConfig
from shared.replay import InputError, Replay, load_patient, replay, summarise, summary_lines


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = _config(args.config)
    except (OSError, ValueError) as error:
        print(f"--config {args.config}: {error}", file=sys.stderr)
        return 2
    resolve_after = timedelta(days=args.resolve_after_days)
    several = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    replayed: list[Replay] = []
    for path in _files(args.paths):
        try:
            result = _replay_file(path, config, resolve_after)
        except InputError as error:
            print(f"{path}: {error}", file=sys.stderr)
            continue
        replayed.append(result)
        for event in result.events:
            line = event.to_wire()
            if several:
                line = {"patient": result.patient_id, **line}
            sys.stdout.write(json.dumps(line) + "\n")
    if args.summary:
        sys.stdout.write("\n".join(summary_lines(summarise(replayed))) + "\n")
    return 0 if replayed else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m shared.replay",
        description="Replay patient files through the rule engine and the alert lifecycle.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    parser.add_argument(
        "--resolve-after-days",
        type=_whole_days,
        default=3,
        metavar="N",
        help="resolve every alert N days after it was raised (default 3)",
    )
    parser.add_argument("--config", type=Path, help="JSON file of rule threshold overrides")
    parser.add_argument(
        "--summary", action="store_true", help="add alerts per patient-month by rule and tier"
    )
    return parser


def _whole_days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days")
    return int(text)


def _config(path: Path | None) -> RulesConfig:
    if path is None:
        return DEFAULT_CONFIG
    overrides = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(overrides, dict):
        raise ConfigError("expected a JSON object of setting: value")
    return RulesConfig.from_dict(overrides)


def _files(paths: list[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(path.glob("*.json"))
        else:
            yield path


def _replay_file(path: Path, config: RulesConfig, resolve_after: timedelta) -> Replay:
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError("(file)", f"cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError("(file)", "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InputError(
            "(file)", f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    patient = load_patient(document)
    return replay(
        patient, config, zone=_zone(patient.context.time_zone), resolve_after=resolve_after
    )


def _zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError("patient.time_zone", f"unknown time zone '{name}'") from None


if __name__ == "__main__":
    raise SystemExit(main())

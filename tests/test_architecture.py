"""The dependency direction and the purity of the clinical core, checked on every run."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SHARED = ROOT / "shared"
FORBIDDEN_IMPORTS = {"server", "mobile", "flask", "sqlalchemy", "kivy", "requests"}
# Modules through which a program reaches files, sockets, processes or the clock.
IO_MODULES = {
    "os",
    "io",
    "pathlib",
    "shutil",
    "socket",
    "subprocess",
    "urllib",
    "http",
    "sqlite3",
    "tempfile",
    "glob",
    "time",
    "logging",
    "threading",
    "asyncio",
}
IO_CALLS = {"open", "print", "input", "exec", "eval", "__import__"}
CLOCK_ATTRIBUTES = {"now", "today", "utcnow"}


def is_entry_point(path: Path) -> bool:
    """`python -m shared.replay` and `python -m shared.rules` may read files and print."""
    parts = path.relative_to(SHARED).parts
    return (
        path.name == "__main__.py" or parts[0].removesuffix(".py") == "replay" or "cli" in path.stem
    )


def imported_modules(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def io_uses(tree: ast.AST) -> list[str]:
    uses = []
    for node in ast.walk(tree):
        called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if called and node.func.id in IO_CALLS:
            uses.append(f"line {node.lineno}: {node.func.id}()")
        clock_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        if clock_call and node.func.attr in CLOCK_ATTRIBUTES:
            uses.append(f"line {node.lineno}: .{node.func.attr}() (reads the clock)")
    return uses


def core_modules() -> list[Path]:
    return sorted(p for p in SHARED.rglob("*.py") if not is_entry_point(p))


def test_clinical_core_imports_neither_server_nor_phone_nor_frameworks():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            imported_modules(ast.parse(path.read_text())) & FORBIDDEN_IMPORTS
        )
        for path in SHARED.rglob("*.py")
    }

    assert {k: v for k, v in offenders.items() if v} == {}


def test_clinical_core_does_no_io_outside_its_entry_points():
    offenders = {}
    for path in core_modules():
        tree = ast.parse(path.read_text())
        problems = io_uses(tree) + [f"imports {m}" for m in imported_modules(tree) & IO_MODULES]
        if problems:
            offenders[str(path.relative_to(ROOT))] = problems

    assert offenders == {}


def test_the_purity_check_catches_io_and_the_clock():
    tree = ast.parse("import os\nfrom datetime import datetime\nprint(datetime.now())\nopen('x')")

    assert imported_modules(tree) & IO_MODULES == {"os"}
    assert len(io_uses(tree)) == 3


def test_import_contracts_hold():
    """import-linter: shared imports neither server nor mobile; server and mobile stay apart."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout

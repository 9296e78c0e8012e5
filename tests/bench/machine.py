"""The machine a bench run measured: cores, memory and how loaded it was."""

from __future__ import annotations

import os
from pathlib import Path


def describe_machine() -> str:
    memory = "unknown memory"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{total_kib / 1024 / 1024:.0f} GiB"
    one, five, fifteen = os.getloadavg()
    return (
        f"machine: {os.cpu_count()} cores, {memory}; "
        f"load average {one:.2f} {five:.2f} {fifteen:.2f}"
    )

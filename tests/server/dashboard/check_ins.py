"""Check-ins as the phone sends them, dated hours before now, with the patient's note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.shared.builders import report_wire, site


def check_in(hours_ago: float, note: str | None = None, score: int = 3) -> dict[str, Any]:
    when = datetime.now(UTC) - timedelta(hours=hours_ago)
    extra: dict[str, Any] = {"note": note} if note is not None else {}
    return report_wire(
        when.date(), site("femur_left", score), hour=when.hour, minute=when.minute, **extra
    )

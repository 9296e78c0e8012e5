"""Builders for sync pushes: wire records dated relative to today, and a push helper."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.shared.builders import dose_wire, report_wire, site

SYNC = "/api/v1/sync"


def today() -> date:
    return datetime.now(UTC).date()


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


def a_report(n_days_ago: int = 1, score: int = 3, **options: Any) -> dict[str, Any]:
    return report_wire(days_ago(n_days_ago), site("femur_left", score), **options)


def a_dose(n_days_ago: int = 1, **options: Any) -> dict[str, Any]:
    return dose_wire(days_ago(n_days_ago), **options)


def report_at(hours_from_now: float, score: int = 3) -> dict[str, Any]:
    when = datetime.now(UTC) + timedelta(hours=hours_from_now)
    return report_wire(when.date(), site("femur_left", score), hour=when.hour, minute=when.minute)


def push(api: Any, as_: str = "device_a", cursor: str | None = None, **records: Any) -> Any:
    body = {
        "cursor": cursor,
        "reports": records.get("reports", []),
        "doses": records.get("doses", []),
    }
    return api.post(SYNC, as_, json=body, headers=records.get("headers", {}))


def pull_all(api: Any, as_: str = "device_a") -> dict[str, list[dict[str, Any]]]:
    """Follow `more` from cursor null to the end, collecting every change."""
    collected: dict[str, list[dict[str, Any]]] = {
        "reports": [],
        "doses": [],
        "treatments": [],
        "alerts": [],
    }
    cursor = None
    while True:
        body = push(api, as_, cursor=cursor).get_json()
        for section in collected:
            collected[section].extend(body["changes"][section])
        cursor = body["cursor"]
        if not body["more"]:
            return collected

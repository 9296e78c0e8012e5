"""Real alerts for API tests: histories pushed through sync, so the engine raises them."""

from __future__ import annotations

from typing import Any

from tests.server.sync.pushes import days_ago, push
from tests.shared.builders import report_wire, site

ALERTS = "/api/v1/alerts"


def thoracic_pain_history(first: int = 21, last: int = 1) -> list[dict[str, Any]]:
    """Pain-free check-ins from `first` days ago, new thoracic pain `last` days ago (yesterday)."""
    reports = [report_wire(days_ago(n)) for n in range(first, last, -1)]
    reports.append(report_wire(days_ago(last), site("spine_thoracic", 6)))
    return reports


def limb_weakness_today() -> dict[str, Any]:
    return report_wire(days_ago(0), symptoms=["limb_weakness"], hour=0, minute=1)


def raise_urgent_alert(api: Any, as_: str = "device_a") -> list[dict[str, Any]]:
    """An urgent spinal_pain_red_flag at spine_thoracic; returns the pushed reports."""
    reports = thoracic_pain_history()
    assert push(api, as_, reports=reports).status_code == 200
    return reports


def raise_emergency_alert(api: Any, as_: str = "device_a") -> dict[str, Any]:
    report = limb_weakness_today()
    assert push(api, as_, reports=[report]).status_code == 200
    return report


def alerts(api: Any, as_: str = "clinician_a", **query: Any) -> list[dict[str, Any]]:
    response = api.get(ALERTS, as_=as_, query_string=query)
    assert response.status_code == 200, response.get_json()
    return list(response.get_json())


def only_alert(api: Any, as_: str = "clinician_a") -> dict[str, Any]:
    (alert,) = alerts(api, as_)
    return alert

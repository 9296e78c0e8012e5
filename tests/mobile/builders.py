"""Small builders for the phone tests: a settable clock, wire records, forms and server answers."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from mobile.presenters import CheckInForm, SiteEntry

LONDON_WINTER = timezone(timedelta(hours=0))
PARIS_WINTER = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 27, 8, 30, tzinfo=PARIS_WINTER)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = MORNING) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def a_report(at: datetime = MORNING, score: int = 3, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "recorded_at": at.isoformat(),
        "revision": 1,
        "deleted": False,
        "sites": [{"site": "femur_left", "score": score, "qualities": [], "aggravated_by": []}],
        "symptoms": [],
    }
    body.update(fields)
    return body


def a_dose(at: datetime = MORNING, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "taken_at": at.isoformat(),
        "revision": 1,
        "deleted": False,
        "medication": "oxycodone",
        "dose": 5.0,
        "unit": "mg",
        "route": "oral",
        "purpose": "breakthrough",
    }
    body.update(fields)
    return body


def a_treatment(**fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "kind": "radiotherapy",
        "sites": ["femur_left"],
        "started_on": "2026-11-01",
        "ended_on": "2026-11-01",
        "revision": 1,
        "deleted": False,
        "details": {"dose_gy": 8, "fractions": 1, "stopped": False},
    }
    body.update(fields)
    return body


def a_stable_check_in(score: int = 3) -> CheckInForm:
    return CheckInForm(sites=[SiteEntry("femur_left", score, qualities=["aching"])])


def a_check_in_with(*symptoms: str) -> CheckInForm:
    return CheckInForm(sites=[SiteEntry("spine_thoracic", 4)], symptoms=list(symptoms))


def an_answer(**fields: Any) -> dict[str, Any]:
    """A sync response body as the server sends it."""
    body: dict[str, Any] = {
        "cursor": "c1",
        "more": False,
        "accepted": [],
        "rejected": [],
        "changes": {"reports": [], "doses": [], "treatments": [], "context": None, "alerts": []},
        "settings": {"helpline": "+44 20 7946 0000", "check_in_reminder": "20:00"},
    }
    body.update(fields)
    return body

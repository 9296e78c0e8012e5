"""One valid request per operation, so the fuzz run proves each operation can succeed (2xx).

Random data alone rarely names a real patient or a spendable code; these cases do. An operation
missing here fails the fuzz test, which is the point: a new route must show it can answer 2xx.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.support.builders import PASSWORD, World

Request = dict[str, Any]


class Given:
    """What the known-good requests need: the world, and an alert raised by a real push."""

    def __init__(self, world: World, alert_id: str) -> None:
        self.world = world
        self.alert_id = alert_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self.world, name)


def report_body() -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "recorded_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        "revision": 1,
        "deleted": False,
        "sites": [{"site": "femur_left", "score": 3}],
        "symptoms": [],
    }


def treatment_body(treatment_id: uuid.UUID, revision: int) -> dict[str, Any]:
    today = datetime.now(UTC).date().isoformat()
    return {
        "id": str(treatment_id),
        "kind": "radiotherapy",
        "sites": ["femur_left"],
        "started_on": today,
        "ended_on": today,
        "revision": revision,
        "details": {"dose_gy": 8, "fractions": 1},
    }


def context_body(world: Given) -> dict[str, Any]:
    return {
        "id": str(world.patient_a.id),
        "revision": world.patient_a.context_revision + 1,
        "care_team_id": str(world.team_a.id),
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        "lesions": [],
        "medications": [],
    }


def patient(world: Given) -> dict[str, str]:
    return {"patient_id": str(world.patient_a.id)}


def snooze(world: Given) -> dict[str, str]:
    """A week's snooze of patient A, made for the request that ends it."""
    from server.extensions import db
    from server.models import Snooze

    now = datetime.now(UTC)
    row = Snooze(
        clinic_id=world.patient_a.clinic_id,
        patient_id=world.patient_a.id,
        rule="persistent_focal_pain",
        site="femur_left",
        starts_at=now,
        until=now + timedelta(days=7),
        reason="Radiotherapy booked for next week",
        created_by=world.clinician_a.id,
    )
    db.session.add(row)
    db.session.commit()
    return {**patient(world), "snooze_id": str(row.id)}


def treatment(world: Given) -> dict[str, str]:
    return {**patient(world), "treatment_id": str(world.treatment_a.id)}


KNOWN_GOOD: dict[tuple[str, str], Callable[[Given], Request]] = {
    ("POST", "/api/v1/auth/login"): lambda w: {
        "body": {"email": w.clinician_a.email, "password": PASSWORD}
    },
    ("POST", "/api/v1/auth/logout"): lambda w: {},
    ("POST", "/api/v1/enroll"): lambda w: {
        "body": {"code": w.enrollment_code_a, "device_name": "Fuzz phone"}
    },
    ("POST", "/api/v1/sync"): lambda w: {
        "body": {"cursor": None, "reports": [report_body()], "doses": []}
    },
    ("GET", "/api/v1/patients"): lambda w: {},
    ("POST", "/api/v1/patients"): lambda w: {
        "body": {"display_name": "Fuzz patient", "care_team_id": str(w.team_a.id)}
    },
    ("GET", "/api/v1/patients/{patient_id}"): lambda w: {"path": patient(w)},
    ("PATCH", "/api/v1/patients/{patient_id}"): lambda w: {
        "path": patient(w),
        "body": {"mrn": "RX1234567", "birth_date": "1951-03-09", "sex": "female"},
    },
    ("GET", "/api/v1/patients/{patient_id}/notes"): lambda w: {"path": patient(w)},
    ("POST", "/api/v1/patients/{patient_id}/notes"): lambda w: {
        "path": patient(w),
        "body": {"text": "Phoned, family aware."},
    },
    ("POST", "/api/v1/patients/{patient_id}/enrollment-code"): lambda w: {"path": patient(w)},
    ("PUT", "/api/v1/patients/{patient_id}/context"): lambda w: {
        "path": patient(w),
        "body": context_body(w),
    },
    ("POST", "/api/v1/patients/{patient_id}/treatments"): lambda w: {
        "path": patient(w),
        "body": treatment_body(uuid.uuid4(), 1),
    },
    ("PUT", "/api/v1/patients/{patient_id}/treatments/{treatment_id}"): lambda w: {
        "path": treatment(w),
        "body": treatment_body(w.treatment_a.id, w.treatment_a.revision + 1),
    },
    ("DELETE", "/api/v1/patients/{patient_id}/treatments/{treatment_id}"): lambda w: {
        "path": treatment(w)
    },
    ("GET", "/api/v1/patients/{patient_id}/devices"): lambda w: {"path": patient(w)},
    ("DELETE", "/api/v1/patients/{patient_id}/devices/{device_id}"): lambda w: {
        "path": {**patient(w), "device_id": str(w.device_a.id)}
    },
    ("GET", "/api/v1/events"): lambda w: {"query": {"timeout": 0}},
    ("GET", "/api/v1/alerts"): lambda w: {"query": {"status": "open"}},
    ("POST", "/api/v1/alerts/{alert_id}/acknowledge"): lambda w: {
        "path": {"alert_id": w.alert_id},
        "body": {"note": "Called the patient"},
    },
    ("POST", "/api/v1/alerts/{alert_id}/notes"): lambda w: {
        "path": {"alert_id": w.alert_id},
        "body": {"text": "ED confirms arrival."},
    },
    ("POST", "/api/v1/alerts/{alert_id}/resolve"): lambda w: {
        "path": {"alert_id": w.alert_id},
        "body": {"note": "MRI booked", "outcome": "actioned"},
    },
    ("POST", "/api/v1/patients/{patient_id}/snoozes"): lambda w: {
        "path": patient(w),
        "body": {
            "rule": "persistent_focal_pain",
            "site": "femur_left",
            "until": (datetime.now(UTC) + timedelta(days=7)).isoformat(),
            "reason": "Radiotherapy booked for next week",
        },
    },
    ("POST", "/api/v1/patients/{patient_id}/snoozes/{snooze_id}/end"): lambda w: {
        "path": snooze(w)
    },
    ("GET", "/api/v1/patients/{patient_id}/timeline"): lambda w: {"path": patient(w)},
    ("GET", "/api/v1/patients/{patient_id}/summary.pdf"): lambda w: {"path": patient(w)},
    ("GET", "/healthz"): lambda w: {},
}

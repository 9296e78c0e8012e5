"""The e2e ward: patient A with an emergency, a colleague's patient with an urgent alert, and a
patient who has not reported; every alert raised by the engine from pushes through the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server.delivery.fanout import dispatch_events
from server.extensions import db
from server.models.base import utcnow
from tests.server.api.alerting import thoracic_pain_history
from tests.server.sync.pushes import days_ago, push
from tests.shared.builders import dose_wire, report_wire, site
from tests.support.builders import World, a_device, a_patient

# Patient A's femur over the last week, oldest first; today adds the lumbar spine.
FEMUR_SCORES = [3, 4, 4, 5, 6, 6]
TODAY = {"femur_left": 7, "spine_lumbar": 5}
OXYCODONE_MG = 10


@dataclass(frozen=True)
class Ward:
    emergency: Any
    urgent: Any
    quiet: Any
    urgent_device: str


def emergency_history() -> list[dict[str, Any]]:
    reports = [
        report_wire(days_ago(n), site("femur_left", score))
        for n, score in zip(range(6, 0, -1), FEMUR_SCORES, strict=True)
    ]
    today = [site(code, score) for code, score in TODAY.items()]
    reports.append(report_wire(days_ago(0), *today, symptoms=["limb_weakness"], hour=0, minute=1))
    return reports


def oxycodone_doses() -> list[dict[str, Any]]:
    return [
        dose_wire(days_ago(n), "oxycodone", OXYCODONE_MG, purpose="scheduled", hour=0, minute=2)
        for n in (2, 1)
    ]


def build_ward(api: Any, world: World) -> Ward:
    urgent = a_patient(db.session, world.team_a, name="Bea Urgent")
    quiet = a_patient(db.session, world.team_a, name="Cal Quiet")
    token, _ = a_device(db.session, urgent)
    db.session.commit()
    world.tokens["device_urgent"] = token
    assert push(api, "device_urgent", reports=thoracic_pain_history()).status_code == 200
    pushed = push(api, "device_a", reports=emergency_history(), doses=oxycodone_doses())
    assert pushed.status_code == 200, pushed.get_json()
    # What the alert worker does next: fan the alert events out (to the live stream among others).
    dispatch_events(db.session, utcnow())
    return Ward(world.patient_a, urgent, quiet, "device_urgent")

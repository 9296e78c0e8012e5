"""Patient A with something in every section of the printout and the visit summary: identifiers,
a week of rising femur pain with oxycodone, an emergency acknowledged with a note, lesions, a
medication plan, the world's radiotherapy and two notes, made the way the phone and the
clinician make them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from server.extensions import db
from tests.server.api.alerting import alerts
from tests.server.sync.pushes import days_ago, push
from tests.shared.builders import dose_wire, report_wire, site
from tests.support.builders import World

MRN = "RX4-0042"
BIRTH_DATE = date(1956, 3, 14)
# The last six days, oldest first; today the femur is at 7 with weakness in the legs.
FEMUR_SCORES = (4, 5, 6, 6, 7, 7)
TODAY_FEMUR = 7
OXYCODONE_DAYS = (3, 2, 1)
ALERT_NOTE = "Called the patient; MRI booked today."
NOTES = ("Family aware of the plan.", "Phoned: pain easier since the radiotherapy.")
# The world's radiotherapy, as the printout and the summary write it.
TREATMENT = "radiotherapy (left thigh (femur))"


@dataclass(frozen=True)
class Recorded:
    patient: Any
    latest_note: str


def record_patient_a(api: Any, world: World) -> Recorded:
    patient = world.patient_a
    patient.mrn, patient.birth_date = MRN, BIRTH_DATE
    db.session.commit()
    reports = [
        report_wire(days_ago(n), site("femur_left", score))
        for n, score in zip(range(6, 0, -1), FEMUR_SCORES, strict=True)
    ]
    reports.append(
        report_wire(
            days_ago(0),
            site("femur_left", TODAY_FEMUR),
            symptoms=["limb_weakness"],
            hour=0,
            minute=1,
        )
    )
    doses = [dose_wire(days_ago(n), "oxycodone", 10, purpose="scheduled") for n in OXYCODONE_DAYS]
    assert push(api, reports=reports, doses=doses).status_code == 200
    (alert,) = alerts(api, tier="emergency")
    acknowledged = api.post(
        f"/api/v1/alerts/{alert['id']}/acknowledge", "clinician_a", json={"note": ALERT_NOTE}
    )
    assert acknowledged.status_code == 200, acknowledged.get_json()
    saved = api.put(f"/api/v1/patients/{patient.id}/context", "clinician_a", json=context(world))
    assert saved.status_code == 200, saved.get_json()
    for text in NOTES:
        added = api.post(f"/api/v1/patients/{patient.id}/notes", "clinician_a", json={"text": text})
        assert added.status_code == 201, added.get_json()
    db.session.expire_all()
    return Recorded(patient=patient, latest_note=NOTES[-1])


def context(world: World) -> dict[str, Any]:
    return {
        "id": str(world.patient_a.id),
        "revision": world.patient_a.context_revision + 1,
        "care_team_id": str(world.team_a.id),
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0000",
        "status": "active",
        "lesions": [
            {"site": "femur_left", "type": "lytic", "cortical_involvement": "gt_two_thirds"}
        ],
        "medications": [
            {
                "medication": "pregabalin",
                "dose": 75,
                "unit": "mg",
                "route": "oral",
                "purpose": "scheduled",
                "since": days_ago(20).isoformat(),
                "until": None,
            }
        ],
    }

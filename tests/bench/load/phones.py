"""Simulated phones: seeded patients with a device token each, and what they push.

A check-in is one pain report (now and then with a dose); a week of backlog is 8 records a day
for 7 days, the scale model's rate. Scores come from a seeded generator, so a run raises some
alerts (a high thoracic score, now and then a neurological symptom) and the same ones each time.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, insert

from server.models import CareTeam, Clinic, DeviceToken, Patient
from server.security.tokens import hash_token, new_token

SITES = ("femur_left", "spine_lumbar", "spine_thoracic", "pelvis", "rib_right")


@dataclass
class Phone:
    token: str
    patient_id: str
    cursor: str | None = None
    acknowledged: list[str] = field(default_factory=list)


def seed_phones(url: str, count: int) -> list[Phone]:
    """`count` patients in one team, a device token each, written with Core in a few statements."""
    clinic_id, team_id = uuid.uuid4(), uuid.uuid4()
    now = datetime.now(UTC)
    phones, patients, devices = [], [], []
    for n in range(count):
        token, patient_id = new_token(), uuid.uuid4()
        phones.append(Phone(token, str(patient_id)))
        patients.append(
            {
                "id": patient_id,
                "clinic_id": clinic_id,
                "care_team_id": team_id,
                "display_name": f"Load {n}",
            }
        )
        devices.append(
            {
                "id": uuid.uuid4(),
                "clinic_id": clinic_id,
                "patient_id": patient_id,
                "token_hash": hash_token(token),
                "device_name": "Load phone",
                "last_used_at": now,
            }
        )
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(insert(Clinic).values(id=clinic_id, name="Load clinic"))
        connection.execute(
            insert(CareTeam).values(
                id=team_id, clinic_id=clinic_id, name="Load team", helpline="+44 20 7946 0000"
            )
        )
        connection.execute(insert(Patient), patients)
        connection.execute(insert(DeviceToken), devices)
    engine.dispose()
    return phones


def a_report(at: datetime, rng: random.Random) -> dict[str, Any]:
    site = rng.choice(SITES)
    score = 7 if site == "spine_thoracic" and rng.random() < 0.2 else rng.randint(0, 5)
    symptoms = ["limb_weakness"] if rng.random() < 0.002 else []
    return {
        "id": str(uuid.uuid4()),
        "recorded_at": at.isoformat(),
        "revision": 1,
        "deleted": False,
        "sites": [{"site": site, "score": score, "qualities": [], "aggravated_by": []}],
        "symptoms": symptoms,
    }


def a_dose(at: datetime) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "taken_at": at.isoformat(),
        "revision": 1,
        "deleted": False,
        "medication": "oxycodone",
        "dose": 5,
        "unit": "mg",
        "route": "oral",
        "purpose": "breakthrough",
    }


def check_in(phone: Phone, now: datetime, rng: random.Random) -> dict[str, Any]:
    at = now - timedelta(minutes=rng.randint(0, 30))
    doses = [a_dose(at)] if rng.random() < 0.25 else []
    return {"cursor": phone.cursor, "reports": [a_report(at, rng)], "doses": doses}


def week_of_backlog(phone: Phone, now: datetime, rng: random.Random) -> dict[str, Any]:
    """8 records a day for the 7 days before `now`: 6 reports and 2 doses a day."""
    reports, doses = [], []
    for day in range(7, 0, -1):
        start = now - timedelta(days=day)
        for hour in (7, 9, 12, 15, 18, 21):
            reports.append(a_report(start.replace(hour=hour, minute=rng.randint(0, 59)), rng))
        doses.extend(a_dose(start.replace(hour=hour)) for hour in (8, 20))
    return {"cursor": phone.cursor, "reports": reports, "doses": doses}

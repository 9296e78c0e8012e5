"""A story as a replay input document: wire format v1 dicts, ids drawn from the seeded stream."""

import uuid
from datetime import timedelta
from random import Random
from typing import Any

from shared.synthetic.story import CheckIn, Course, DoseTaken, Story

PLAN_SINCE_DAYS = 30


def render(story: Story, rng: Random) -> dict[str, Any]:
    offset = _offset(story.offset_hours)
    reports: list[dict[str, Any]] = []
    doses: list[dict[str, Any]] = []
    for day in story.days:
        stamp = day.day.isoformat()
        reports.extend(_report(rng, stamp, offset, item) for item in day.check_ins)
        doses.extend(_dose(rng, stamp, offset, item) for item in day.doses)
    return {
        "patient": _patient(rng, story),
        "reports": reports,
        "doses": doses,
        "treatments": [_treatment(rng, course) for course in story.courses],
        "until": story.until.isoformat(),
    }


def new_id(rng: Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _patient(rng: Random, story: Story) -> dict[str, Any]:
    since = (story.days[0].day - timedelta(days=PLAN_SINCE_DAYS)).isoformat()
    regimen = story.regimen
    return {
        "id": new_id(rng),
        "time_zone": story.time_zone,
        "lesions": [
            {"site": site, "type": kind, "cortical_involvement": cortex}
            for site, kind, cortex in story.lesions
        ],
        "medications": [
            _planned(regimen.medication, regimen.scheduled_mg, "scheduled", since),
            _planned(regimen.medication, regimen.breakthrough_mg, "breakthrough", since),
            _planned("paracetamol", 1000, "scheduled", since),
        ],
    }


def _planned(medication: str, dose: float, purpose: str, since: str) -> dict[str, Any]:
    return {
        "medication": medication,
        "dose": dose,
        "unit": "mg",
        "route": "oral",
        "purpose": purpose,
        "since": since,
        "until": None,
    }


def _report(rng: Random, stamp: str, offset: str, item: CheckIn) -> dict[str, Any]:
    return {
        "id": new_id(rng),
        "recorded_at": _time(stamp, item.minute, offset),
        "revision": 1,
        "deleted": False,
        "sites": [
            {
                "site": pain.site,
                "score": pain.score,
                "qualities": list(pain.qualities),
                "aggravated_by": list(pain.aggravated_by),
            }
            for pain in item.pains
        ],
        "symptoms": list(item.symptoms),
    }


def _dose(rng: Random, stamp: str, offset: str, item: DoseTaken) -> dict[str, Any]:
    return {
        "id": new_id(rng),
        "taken_at": _time(stamp, item.minute, offset),
        "revision": 1,
        "deleted": False,
        "medication": item.medication,
        "dose": item.dose,
        "unit": item.unit,
        "route": item.route,
        "purpose": item.purpose,
    }


def _treatment(rng: Random, course: Course) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": new_id(rng),
        "kind": course.kind,
        "sites": list(course.sites),
        "started_on": course.started_on.isoformat(),
        "revision": 1,
        "deleted": False,
        "details": dict(course.details),
    }
    if course.ended_on is not None:
        record["ended_on"] = course.ended_on.isoformat()
    return record


def _time(stamp: str, minute: int, offset: str) -> str:
    # Built as text: a cohort of 1,000 patients renders about 400,000 of these.
    return f"{stamp}T{minute // 60:02d}:{minute % 60:02d}:00{offset}"


def _offset(hours: int) -> str:
    sign = "-" if hours < 0 else "+"
    return f"{sign}{abs(hours):02d}:00"

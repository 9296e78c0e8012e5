"""The history chart's data: each site's daily worst score over the last 30 days, and treatments.

A day with no check-in has no point (missing is not "no pain"); on a logged day a site the
patient did not mark scores 0, as in the clinical rules. A check-in that did not rate pain
(`pain_rated: false`) logs no day, as in the rules. Treatments are marked on the day given.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from mobile import words
from mobile.store.records import StoredRecord

DAYS = 30


@dataclass(frozen=True)
class SiteTrend:
    site: str
    label: str
    scores: dict[int, int]  # day index (0 = first day) -> daily worst score


@dataclass(frozen=True)
class TreatmentMark:
    day: int
    label: str


@dataclass(frozen=True)
class Trends:
    first_day: date
    days: int
    logged_days: frozenset[int]
    sites: list[SiteTrend]
    treatments: list[TreatmentMark]


def trends(
    reports: Iterable[StoredRecord],
    treatments: Iterable[dict[str, Any]],
    today: date,
    days: int = DAYS,
) -> Trends:
    first = today - timedelta(days=days - 1)
    logged: set[int] = set()
    worst: dict[str, dict[int, int]] = {}
    for record in reports:
        if record.body.get("deleted") or record.body.get("pain_rated") is False:
            continue
        day = (datetime.fromisoformat(record.body["recorded_at"]).date() - first).days
        if not 0 <= day < days:
            continue
        logged.add(day)
        for entry in record.body["sites"]:
            scores = worst.setdefault(entry["site"], {})
            scores[day] = max(scores.get(day, 0), int(entry["score"]))
    sites = [
        SiteTrend(site, words.site(site), {day: scores.get(day, 0) for day in sorted(logged)})
        for site, scores in sorted(worst.items(), key=lambda item: -max(item[1].values()))
    ]
    marks = []
    for treatment in treatments:
        if treatment.get("deleted"):
            continue
        day = (date.fromisoformat(treatment["started_on"]) - first).days
        if 0 <= day < days:
            marks.append(TreatmentMark(day, treatment["kind"].replace("_", " ").capitalize()))
    return Trends(first, days, frozenset(logged), sites, marks)

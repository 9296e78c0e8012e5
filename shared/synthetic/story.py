"""A synthetic patient before it becomes wire records: days of check-ins and doses, treatments.

Scenarios edit a story (replacing a few days near the end) and `render` turns it into a replay
input document; keeping ids and time formats out of the story keeps the edits small.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class Pain:
    """One site at one check-in."""

    site: str
    score: int
    qualities: tuple[str, ...] = ("aching",)
    aggravated_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckIn:
    minute: int  # minutes after local midnight
    pains: tuple[Pain, ...]
    symptoms: tuple[str, ...] = ()


@dataclass(frozen=True)
class DoseTaken:
    minute: int
    medication: str
    dose: float
    purpose: str
    unit: str = "mg"
    route: str = "oral"


@dataclass(frozen=True)
class Day:
    day: date
    check_ins: tuple[CheckIn, ...]
    doses: tuple[DoseTaken, ...]

    @property
    def logged(self) -> bool:
        return bool(self.check_ins)


@dataclass(frozen=True)
class Regimen:
    """The regular opioid (two doses a day) and its breakthrough dose."""

    medication: str
    scheduled_mg: float
    breakthrough_mg: float


@dataclass(frozen=True)
class Course:
    """One treatment record: a radiotherapy course or one bone-agent administration."""

    kind: str
    started_on: date
    ended_on: date | None = None
    sites: tuple[str, ...] = ()
    details: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Story:
    offset_hours: int
    time_zone: str
    regimen: Regimen
    sites: tuple[Pain, ...]  # the usual sites, each at its base score
    lesions: tuple[tuple[str, str, str], ...]  # site, type, cortical involvement
    days: tuple[Day, ...]
    courses: tuple[Course, ...]

    @property
    def until(self) -> date:
        return self.days[-1].day

    def day_before_end(self, count: int) -> date:
        return self.until - timedelta(days=count)

    def edit_last(self, count: int, edit: Callable[[Day], Day]) -> "Story":
        """Apply `edit` to each of the last `count` days."""
        kept, tail = self.days[:-count], self.days[-count:]
        return replace(self, days=kept + tuple(edit(day) for day in tail))


def with_pain(day: Day, pain: Pain) -> Day:
    """Every check-in of the day reports `pain` at its site (replacing what it said there)."""
    check_ins = tuple(
        replace(item, pains=(*(p for p in item.pains if p.site != pain.site), pain))
        for item in day.check_ins
    )
    return replace(day, check_ins=check_ins)


def with_symptoms(day: Day, *symptoms: str) -> Day:
    """The day's first check-in reports `symptoms` as well."""
    first, *rest = day.check_ins
    added = first.symptoms + tuple(s for s in symptoms if s not in first.symptoms)
    return replace(day, check_ins=(replace(first, symptoms=added), *rest))

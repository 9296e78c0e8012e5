"""Records grouped by local day and kept sorted, so any date range is a bisect, not a scan."""

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

from shared.records import Dose, PainReport

Timed = TypeVar("Timed", PainReport, Dose)

# A record's offset can be up to a day either side of `now`'s, so only the last few local days
# can hold a record that is later than `now`; older days need no instant-by-instant check.
OFFSET_MARGIN_DAYS = 3


def moment(record: PainReport | Dose) -> datetime:
    return record.recorded_at if isinstance(record, PainReport) else record.taken_at


@dataclass(frozen=True, eq=False)
class DayIndex(Generic[Timed]):
    """Days holding at least one record, sorted, and each day's records in time order."""

    days: tuple[date, ...]
    by_day: Mapping[date, tuple[Timed, ...]]
    # Days whose records `until` cut short, read before `by_day` (which it shares, uncopied).
    cut: Mapping[date, tuple[Timed, ...]] = field(default_factory=dict)
    # The first day whose records differ from the index `until` was called on (date.max: none),
    # so values read from the days before it can be shared between the two.
    changed_from: date = date.max

    @classmethod
    def build(cls, records: Iterable[Timed]) -> "DayIndex[Timed]":
        grouped: dict[date, list[Timed]] = {}
        for record in records:
            grouped.setdefault(record.day, []).append(record)
        by_day = {
            day: tuple(sorted(items, key=lambda item: (moment(item), item.id)))
            for day, items in grouped.items()
        }
        return cls(tuple(sorted(by_day)), by_day)

    def on(self, day: date) -> tuple[Timed, ...]:
        position = bisect_left(self.days, day)
        if position < len(self.days) and self.days[position] == day:
            return self.cut.get(day) or self.by_day[day]
        return ()

    def days_between(self, first: date, last: date) -> tuple[date, ...]:
        """Days with records in first..last, both included."""
        return self.days[bisect_left(self.days, first) : bisect_right(self.days, last)]

    def between(self, first: date, last: date) -> list[Timed]:
        return [
            record
            for day in self.days_between(first, last)
            for record in (self.cut.get(day) or self.by_day[day])
        ]

    def matching(self, first: date, last: date, keep: Callable[[Timed], bool]) -> list[Timed]:
        return [record for record in self.between(first, last) if keep(record)]

    def until(self, now: datetime) -> "DayIndex[Timed]":
        """The records made at or before `now` (aware), as the engine sees them at `now`."""
        last_day = now.date()
        end = bisect_right(self.days, last_day)
        start = bisect_left(self.days, last_day - timedelta(days=OFFSET_MARGIN_DAYS), 0, end)
        emptied: set[date] = set()
        cut: dict[date, tuple[Timed, ...]] = {}
        for day in self.days[start:end]:
            records = self.cut.get(day) or self.by_day[day]
            if moment(records[-1]) <= now:
                continue
            kept = tuple(record for record in records if moment(record) <= now)
            if kept:
                cut[day] = kept
            else:
                emptied.add(day)
        days = self.days[:start] + tuple(day for day in self.days[start:end] if day not in emptied)
        hidden: list[date] = [self.days[end]] if end < len(self.days) else []
        changed_from = min([*cut, *emptied, *hidden, self.changed_from])
        return DayIndex(days, self.by_day, {**self.cut, **cut} if cut else self.cut, changed_from)

"""The patient's records as the engine reads them: latest revisions, indexed by local day."""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Self, TypeVar

from shared.history.days import DayIndex
from shared.history.revisions import latest_revisions
from shared.records import Dose, PainReport, PatientContext, Treatment
from shared.vocab import MEDICATIONS, MedicationClass

Value = TypeVar("Value")


def is_bone_agent(medication: str) -> bool:
    return MEDICATIONS[medication].drug_class is MedicationClass.BONE_AGENT


@dataclass(frozen=True, eq=False)
class Records:
    """Reports and doses by local day, treatments by start date, and the patient context."""

    # Every check-in: what the symptom rules, the silence rule and the timeline read.
    reports: DayIndex[PainReport]
    # The check-ins that rated pain (all but `pain_rated: false`): the pain definitions' days.
    pain_reports: DayIndex[PainReport]
    doses: DayIndex[Dose]
    treatments: tuple[Treatment, ...]
    context: PatientContext | None = None
    # Kept apart once at build time: rules about bone agents read all of them, however old.
    bone_agent_dose_records: tuple[Dose, ...] = ()
    # The instant the records are seen from; None = everything loaded.
    seen_at: datetime | None = None
    # Values worked out from the records of a range of days, kept because every evaluation
    # asks for the same days again. `as_of` copies share them for the days it
    # leaves untouched (up to `_shared_last`); later days get a cache of their own. Not init
    # fields, so `replace` (new records) always starts afresh.
    _shared: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False)
    _own: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False)
    _shared_last: date | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(
        cls,
        reports: Iterable[PainReport] = (),
        doses: Iterable[Dose] = (),
        treatments: Iterable[Treatment] = (),
        context: PatientContext | None = None,
    ) -> Self:
        current_doses = latest_revisions(doses)
        current_reports = latest_revisions(reports)
        every_report = DayIndex.build(current_reports)
        rated = [report for report in current_reports if report.pain_rated]
        # Almost always every report rated pain: then both are one index, built once.
        all_rated = len(rated) == len(current_reports)
        return cls(
            reports=every_report,
            pain_reports=every_report if all_rated else DayIndex.build(rated),
            doses=DayIndex.build(current_doses),
            bone_agent_dose_records=tuple(
                sorted(
                    (dose for dose in current_doses if is_bone_agent(dose.medication)),
                    key=lambda dose: (dose.taken_at, dose.id),
                )
            ),
            treatments=tuple(
                sorted(latest_revisions(treatments), key=lambda t: (t.started_on, t.id))
            ),
            context=context,
        )

    def as_of(self, now: datetime) -> Self:
        """The same records without any report or dose made after `now` (an aware datetime)."""
        if now.utcoffset() is None:
            raise ValueError("now must be an aware datetime (with a UTC offset)")
        reports = self.reports.until(now)
        seen = replace(
            self,
            reports=reports,
            pain_reports=(
                reports if self.pain_reports is self.reports else self.pain_reports.until(now)
            ),
            doses=self.doses.until(now),
            bone_agent_dose_records=tuple(
                dose for dose in self.bone_agent_dose_records if dose.taken_at <= now
            ),
            seen_at=now,
        )
        # Days before the first one `until` changed keep the very records they had here, and so
        # the values derived from them.
        changed_from = min(
            seen.reports.changed_from, seen.pain_reports.changed_from, seen.doses.changed_from
        )
        untouched = date.max if changed_from == date.max else changed_from - timedelta(days=1)
        if self._shared_last is not None:
            untouched = min(untouched, self._shared_last)
        object.__setattr__(seen, "_shared", self._shared)
        object.__setattr__(seen, "_shared_last", untouched)
        return seen

    def derived(self, last_day: date, key: Hashable, compute: Callable[[], Value]) -> Value:
        """`compute()` for a value read only from records of days up to `last_day`, worked out
        once per key."""
        cache = self.cache_for(last_day)
        if key in cache:
            value: Value = cache[key]
            return value
        computed = cache[key] = compute()
        return computed

    def cache_for(self, last_day: date) -> dict[Hashable, Any]:
        """The cache for values read only from records of days up to `last_day`."""
        shared = self._shared_last is None or last_day <= self._shared_last
        return self._shared if shared else self._own

    def reports_on(self, day: date) -> tuple[PainReport, ...]:
        """Same-day read: the reports of one local day, in time order."""
        return self.reports.on(day)

    def pain_reports_on(self, day: date) -> tuple[PainReport, ...]:
        """The reports of one local day that rated pain, in time order."""
        return self.pain_reports.on(day)

    def doses_on(self, day: date) -> tuple[Dose, ...]:
        return self.doses.on(day)

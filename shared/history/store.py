"""The patient's records as the engine reads them: latest revisions, indexed by local day."""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
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

    reports: DayIndex[PainReport]
    doses: DayIndex[Dose]
    treatments: tuple[Treatment, ...]
    context: PatientContext | None = None
    # Kept apart once at build time: rules about bone agents read all of them, however old.
    bone_agent_dose_records: tuple[Dose, ...] = ()
    # The instant the records are seen from; None = everything loaded.
    seen_at: datetime | None = None
    # Values derived from these records, which never change: one evaluation asks for the same
    # day's scores and OME many times. Not copied by `replace`, so `as_of` starts afresh.
    _derived: dict[Hashable, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def build(
        cls,
        reports: Iterable[PainReport] = (),
        doses: Iterable[Dose] = (),
        treatments: Iterable[Treatment] = (),
        context: PatientContext | None = None,
    ) -> Self:
        current_doses = latest_revisions(doses)
        return cls(
            reports=DayIndex.build(latest_revisions(reports)),
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
        return replace(
            self,
            reports=self.reports.until(now),
            doses=self.doses.until(now),
            bone_agent_dose_records=tuple(
                dose for dose in self.bone_agent_dose_records if dose.taken_at <= now
            ),
            seen_at=now,
        )

    def derived(self, key: Hashable, compute: Callable[[], Value]) -> Value:
        """`compute()`, worked out once per key for these records."""
        if key not in self._derived:
            self._derived[key] = compute()
        value: Value = self._derived[key]
        return value

    def reports_on(self, day: date) -> tuple[PainReport, ...]:
        """Same-day read: the reports of one local day, in time order."""
        return self.reports.on(day)

    def doses_on(self, day: date) -> tuple[Dose, ...]:
        return self.doses.on(day)

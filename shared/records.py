"""The clinical records as frozen dataclasses, shared by the phone, the server and replay.

The wire schemas (`shared.wire`) turn JSON into these and back. Every time is an aware datetime
and a record's "day" is the local date in the record's own UTC offset, as the catalogue defines.
"""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Interference:
    """How much pain got in the way of sleep, walking and activity (0-10 each, all optional)."""

    sleep: int | None = None
    walking: int | None = None
    activity: int | None = None


@dataclass(frozen=True)
class SiteScore:
    site: str
    score: int
    qualities: tuple[str, ...] = ()
    aggravated_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class PainReport:
    """One check-in. Sites not listed had no pain; no sites at all is a pain-free check-in,
    unless `pain_rated` is False: symptoms only, pain not rated, so the day is not logged for pain.
    """

    id: str
    recorded_at: datetime
    revision: int = 1
    deleted: bool = False
    sites: tuple[SiteScore, ...] = ()
    symptoms: tuple[str, ...] = ()
    interference: Interference | None = None
    note: str | None = None
    pain_rated: bool = True

    @property
    def day(self) -> date:
        return self.recorded_at.date()

    def score_at(self, site: str) -> SiteScore | None:
        return next((entry for entry in self.sites if entry.site == site), None)


@dataclass(frozen=True)
class Dose:
    id: str
    taken_at: datetime
    medication: str
    dose: float
    unit: str
    route: str
    purpose: str
    revision: int = 1
    deleted: bool = False

    @property
    def day(self) -> date:
        return self.taken_at.date()


@dataclass(frozen=True)
class TreatmentDetails:
    dose_gy: float | None = None
    fractions: int | None = None
    agent: str | None = None
    interval_weeks: int | None = None
    stopped: bool = False


@dataclass(frozen=True)
class Treatment:
    """A clinician-entered treatment: one radiotherapy course, or one bone-agent administration."""

    id: str
    kind: str
    started_on: date
    sites: tuple[str, ...] = ()
    ended_on: date | None = None
    revision: int = 1
    deleted: bool = False
    details: TreatmentDetails = TreatmentDetails()

    def covers(self, day: date) -> bool:
        """True while the treatment is being given on `day` (an open end counts as ongoing)."""
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


@dataclass(frozen=True)
class Lesion:
    site: str
    type: str | None = None
    cortical_involvement: str | None = None


@dataclass(frozen=True)
class PlannedMedication:
    medication: str
    purpose: str
    since: date
    dose: float | None = None
    unit: str | None = None
    route: str | None = None
    until: date | None = None


@dataclass(frozen=True)
class PatientContext:
    """What the care team knows about the patient: lesions, the medication plan, the helpline."""

    id: str
    revision: int = 1
    care_team_id: str | None = None
    time_zone: str | None = None
    helpline: str | None = None
    status: str = "active"
    lesions: tuple[Lesion, ...] = ()
    medications: tuple[PlannedMedication, ...] = ()

    def lesion_at(self, site: str) -> Lesion | None:
        return next((lesion for lesion in self.lesions if lesion.site == site), None)

"""Treatment definitions: radiotherapy windows, pre-radiotherapy baselines, bone-agent doses."""

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from shared.config import RulesConfig
from shared.history.ome import mean_daily_ome
from shared.history.pain import daily_scores
from shared.history.store import Records
from shared.records import Treatment
from shared.vocab import BONE_AGENT_TREATMENT_KINDS

# Pain flare after radiotherapy is expected for up to 10 days after the last fraction.
FLARE_DAYS = 10
PRE_RT_DAYS = 7
PRE_RT_MIN_LOGGED_DAYS = 3


@dataclass(frozen=True)
class RadiotherapyWindow:
    """A course's flare window: started_on .. ended_on + 10 days, both included."""

    treatment: Treatment
    first_day: date
    ended_on: date
    last_day: date

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class BoneAgentDose:
    """One administration of a bone agent, from a treatment record or a dose record."""

    record_id: str
    day: date
    agent: str


def radiotherapy_courses(records: Records, site: str | None = None) -> list[Treatment]:
    return [
        treatment
        for treatment in records.treatments
        if treatment.kind == "radiotherapy" and (site is None or site in treatment.sites)
    ]


def radiotherapy_window(course: Treatment) -> RadiotherapyWindow:
    # The wire schema requires ended_on for radiotherapy; started_on stands in for records
    # built by hand without one.
    ended_on = course.ended_on or course.started_on
    return RadiotherapyWindow(
        course, course.started_on, ended_on, ended_on + timedelta(days=FLARE_DAYS)
    )


def radiotherapy_windows(records: Records, site: str | None = None) -> list[RadiotherapyWindow]:
    return [radiotherapy_window(course) for course in radiotherapy_courses(records, site)]


def pre_rt_days(course: Treatment) -> tuple[date, date]:
    """The 7 days before the course started."""
    return course.started_on - timedelta(days=PRE_RT_DAYS), course.started_on - timedelta(days=1)


def pre_rt_baseline(records: Records, site: str, course: Treatment) -> float | None:
    """Median daily score over logged days in the 7 days before started_on (needs 3)."""
    scores = daily_scores(records, site, *pre_rt_days(course))
    return median(scores.values()) if len(scores) >= PRE_RT_MIN_LOGGED_DAYS else None


def pre_rt_ome(records: Records, course: Treatment, config: RulesConfig) -> float:
    """Mean daily OME over the same 7 days."""
    return mean_daily_ome(records, *pre_rt_days(course), config)


def bone_agent_doses(records: Records) -> list[BoneAgentDose]:
    """Every bone-agent administration, oldest first: treatments and dose records alike."""
    # Read whatever their age, so kept per history (date.max: never shared with `as_of` views).
    return records.derived(date.max, ("bone_agent_doses",), lambda: _bone_agent_doses(records))


def _bone_agent_doses(records: Records) -> list[BoneAgentDose]:
    from_treatments = [
        BoneAgentDose(t.id, t.started_on, t.details.agent or t.kind)
        for t in records.treatments
        if t.kind in BONE_AGENT_TREATMENT_KINDS
    ]
    from_doses = [
        BoneAgentDose(dose.id, dose.day, dose.medication)
        for dose in records.bone_agent_dose_records
    ]
    return sorted(from_treatments + from_doses, key=lambda item: (item.day, item.record_id))

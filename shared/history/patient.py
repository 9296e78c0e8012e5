"""PatientHistory: one patient's records with every definition of the catalogue as a method.

Build it from loaded wire records (`PatientHistory.build`); the latest revision of each record
wins and a deleted latest revision removes the record. Every method reads a date-range slice of
the day index; none walks the whole history.
"""

from datetime import date

from shared.config import RulesConfig
from shared.history import medicines, ome, pain, treatments
from shared.history.store import Records
from shared.history.treatments import BoneAgentDose, RadiotherapyWindow
from shared.records import Dose, PainReport, Treatment


class PatientHistory(Records):
    """The definitions of clinical-rules.md, named as the catalogue names them."""

    def check_in_days(self, first: date, last: date) -> tuple[date, ...]:
        """Check-in day: a day with at least one non-deleted pain report, pain rated or not
        (a symptoms-only check-in is still a check-in)."""
        return self.reports.days_between(first, last)

    def logged_days(self, first: date, last: date) -> tuple[date, ...]:
        """Logged day: a day with at least one non-deleted pain report that rates pain. A report
        with no sites is a pain-free check-in (every site scores 0), unless it says
        `pain_rated: false` (symptoms only): alone on its day, that day is not logged, exactly
        like a day without a report, while its symptoms still count for the symptom rules."""
        return self.pain_reports.days_between(first, last)

    def is_logged(self, day: date) -> bool:
        return bool(self.pain_reports_on(day))

    def daily_score(self, site: str, day: date) -> int | None:
        """Daily score(site, day): the highest score for the site among the day's reports that
        rate pain; 0 on a logged day where none lists the site; none on a day not logged."""
        return pain.daily_score(self, site, day)

    def baseline(self, site: str, day: date) -> float | None:
        return pain.baseline(self, site, day)

    def recent_mean(self, site: str, day: date) -> float | None:
        return pain.recent_mean(self, site, day)

    def rise(self, site: str, day: date) -> float | None:
        return pain.rise(self, site, day)

    def is_new_site(self, site: str, day: date) -> bool:
        return pain.is_new_site(self, site, day)

    def is_pain_day(self, site: str, day: date) -> bool:
        return pain.is_pain_day(self, site, day)

    def is_persistent(self, site: str, day: date, config: RulesConfig) -> bool:
        return pain.is_persistent(self, site, day, config)

    def persistent_sites(self, day: date, config: RulesConfig) -> list[str]:
        return pain.persistent_sites(self, day, config)

    def daily_ome(self, day: date, config: RulesConfig) -> float:
        return ome.daily_ome(self, day, config)

    def baseline_ome(self, day: date, config: RulesConfig) -> float | None:
        return ome.baseline_ome(self, day, config)

    def ome_doses(self, day: date, config: RulesConfig) -> list[Dose]:
        return ome.ome_doses(self, day, config)

    def breakthrough_doses(self, day: date) -> list[Dose]:
        return ome.breakthrough_doses(self, day)

    def neuropathic_agent_in_use(self, first: date, last: date) -> str | None:
        return medicines.neuropathic_agent_in_use(self, first, last)

    def bone_agent_doses_until(self, day: date) -> list[BoneAgentDose]:
        return medicines.bone_agent_doses_until(self, day)

    def planned_bone_agent(self, day: date) -> str | None:
        return medicines.planned_bone_agent(self, day)

    def bone_agent_records(self, day: date) -> list[Treatment]:
        return medicines.bone_agent_records(self, day)

    def radiotherapy_windows(self, site: str | None = None) -> list[RadiotherapyWindow]:
        return treatments.radiotherapy_windows(self, site)

    def pre_rt_baseline(self, site: str, course: Treatment) -> float | None:
        return treatments.pre_rt_baseline(self, site, course)

    def pre_rt_ome(self, course: Treatment, config: RulesConfig) -> float:
        return treatments.pre_rt_ome(self, course, config)

    def bone_agent_doses(self) -> list[BoneAgentDose]:
        return treatments.bone_agent_doses(self)

    def same_day_reports(self, day: date) -> tuple[PainReport, ...]:
        """Same-day rules: the rules reading symptoms, qualities or aggravators look at the
        reports of day D only, every one of them, pain rated or not."""
        return self.reports_on(day)

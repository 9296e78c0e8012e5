"""Replay one patient: feed the records in time order, evaluate, and run the alert lifecycle.

After each record (a treatment enters at 00:00 local on `started_on`) the event rules run
with D = the record's local day; at 23:59:59 local of every day up to `until` the time-based
rules run with D = that day. "Local" is the patient's time zone when the caller resolved one,
else the offset of the latest record. Findings go through `shared.lifecycle`; every alert is
resolved `resolve_after` after it was raised, standing in for the clinician who acts on it.
The engine sees the latest revision of each record, from the start.
"""

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from shared.config import RulesConfig
from shared.engine import apply_precedence, evaluate, evaluation_at, run_rules
from shared.history import PatientHistory
from shared.lifecycle import AlertEvent, AlertKey, AlertState, apply_finding, resolve
from shared.records import Dose, PainReport, Treatment
from shared.replay.inputs import PatientInput
from shared.rules import DOSE_RULES, REPORT_RULES, TIME_BASED_RULES, Finding

DEFAULT_RESOLVE_AFTER = timedelta(days=3)
END_OF_DAY = time(23, 59, 59)
# At one instant a treatment enters first, then records, then the end-of-day tick.
_TREATMENT, _RECORD, _END_OF_DAY = 0, 1, 2


@dataclass(frozen=True)
class ReplayEvent:
    name: str  # "raised" or "escalated"
    rule: str
    tier: str
    site: str | None
    at: datetime
    evidence: tuple[str, ...]

    def to_wire(self) -> dict[str, Any]:
        return {
            "event": self.name,
            "rule": self.rule,
            "tier": self.tier,
            "site": self.site,
            "at": self.at.isoformat(),
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Replay:
    patient_id: str
    events: tuple[ReplayEvent, ...]
    first_day: date | None  # None: the file held no record
    until: date

    @property
    def days(self) -> int:
        """Days replayed, from the first record's local day to `until`."""
        return 0 if self.first_day is None else max(0, (self.until - self.first_day).days + 1)


@dataclass(frozen=True)
class _Tick:
    at: datetime
    kind: int
    record: PainReport | Dose | Treatment | None = None


class _LocalZone:
    """The zone of a local day: the patient's, else the offset of the latest record by then."""

    def __init__(self, zone: tzinfo | None, history: PatientHistory) -> None:
        self.zone = zone
        timed = sorted(
            [r.recorded_at for day in history.reports.days for r in history.reports.on(day)]
            + [d.taken_at for day in history.doses.days for d in history.doses.on(day)]
        )
        self.days = [moment.date() for moment in timed]
        self.zones = [moment.tzinfo or UTC for moment in timed]

    def on(self, day: date) -> tzinfo:
        if self.zone is not None:
            return self.zone
        if not self.zones:
            return UTC
        return self.zones[max(0, bisect_right(self.days, day) - 1)]

    def at(self, day: date, moment: time) -> datetime:
        return datetime.combine(day, moment, tzinfo=self.on(day))


def replay(
    patient: PatientInput,
    config: RulesConfig,
    *,
    zone: tzinfo | None = None,
    resolve_after: timedelta = DEFAULT_RESOLVE_AFTER,
    reuse: bool = True,
) -> Replay:
    """The alert events of one patient file, in time order.

    With `reuse`, a dose that changed nothing else reuses the report-only rules' findings of
    the previous evaluation that day (they cannot differ); False runs every rule every time.
    """
    full = PatientHistory.build(patient.reports, patient.doses, patient.treatments, patient.context)
    local = _LocalZone(zone, full)
    ticks = _ticks(full, local, patient.until)
    first_day = ticks[0].at.date() if ticks and ticks[0].kind != _END_OF_DAY else None
    patient_id = patient.context.id
    times = _evidence_times(full, local)
    alerts: dict[AlertKey, AlertState] = {}
    entered: list[Treatment] = []
    history = replace(full, treatments=())
    events: list[ReplayEvent] = []
    # The report-only rules' findings and their day, while no report or treatment came since.
    reusable: tuple[date, list[Finding]] | None = None
    for tick in ticks:
        _resolve_due(alerts, tick.at, resolve_after)
        if isinstance(tick.record, Treatment):
            entered.append(tick.record)
            history = replace(full, treatments=tuple(sorted(entered, key=_treatment_order)))
        if tick.kind == _END_OF_DAY:
            findings = evaluate(history, tick.at, config, rules=TIME_BASED_RULES)
        else:
            evaluation = evaluation_at(history, tick.at, config)
            dose_only = reuse and isinstance(tick.record, Dose)
            if dose_only and reusable is not None and reusable[0] == evaluation.day:
                report_findings = reusable[1]
            else:
                report_findings = run_rules(evaluation, REPORT_RULES)
                reusable = (evaluation.day, report_findings)
            findings = apply_precedence(report_findings + run_rules(evaluation, DOSE_RULES))
        for finding in findings:
            key = AlertKey(patient_id, finding.rule, finding.site)
            state, happened = apply_finding(
                alerts.get(key), patient_id, finding, tick.at, (), times
            )
            if state is not None:
                alerts[key] = state
            events += [_event(item) for item in happened]
    return Replay(patient_id, tuple(events), first_day, patient.until)


def _ticks(history: PatientHistory, local: _LocalZone, until: date) -> list[_Tick]:
    last = local.at(until, END_OF_DAY)
    ticks = [_Tick(moment, _RECORD, record) for record, moment in _timed_records(history)]
    ticks += [
        _Tick(local.at(course.started_on, time()), _TREATMENT, course)
        for course in history.treatments
    ]
    ticks = [tick for tick in ticks if tick.at <= last]
    if ticks:
        first = min(tick.at.date() for tick in ticks)
        ticks += [_Tick(local.at(day, END_OF_DAY), _END_OF_DAY) for day in _days(first, until)]
    return sorted(ticks, key=lambda tick: (tick.at, tick.kind))


def _timed_records(history: PatientHistory) -> Iterator[tuple[PainReport | Dose, datetime]]:
    for day in history.reports.days:
        yield from ((report, report.recorded_at) for report in history.reports.on(day))
    for day in history.doses.days:
        yield from ((dose, dose.taken_at) for dose in history.doses.on(day))


def _days(first: date, last: date) -> Iterator[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _evidence_times(history: PatientHistory, local: _LocalZone) -> dict[str, datetime]:
    times = {record.id: moment for record, moment in _timed_records(history)}
    for dose in history.bone_agent_dose_records:
        times[dose.id] = dose.taken_at
    for course in history.treatments:
        times[course.id] = local.at(course.started_on, time())
    return times


def _treatment_order(course: Treatment) -> tuple[date, str]:
    return course.started_on, course.id


def _resolve_due(alerts: dict[AlertKey, AlertState], now: datetime, after: timedelta) -> None:
    for key, alert in alerts.items():
        if alert.is_active and alert.raised_at + after <= now:
            alerts[key] = resolve(alert, alert.raised_at + after)


def _event(event: AlertEvent) -> ReplayEvent:
    return ReplayEvent(
        str(event.name), event.rule, str(event.tier), event.site, event.at, event.evidence
    )

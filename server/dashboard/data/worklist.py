"""The triage worklist: the care teams' patients, those with open alerts first.

Four queries whatever the number of patients (patients, their unresolved alerts, their last
check-in, their last 14 days of reports), so the page costs the same for 5 patients or 500.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from server.models import Alert, CareTeam, PainReport, Patient, PatientStatus
from server.security.actors import Clinician
from server.services.alert_review import TIER_ORDER
from shared.lifecycle import TIERS

TREND_DAYS = 14
NOT_REPORTING_AFTER = timedelta(hours=72)
# Info alerts are for the timeline only; they never ask anyone to act.
WORKLIST_TIERS = tuple(tier for tier in TIERS if tier != "info")
SHOWN_STATUSES = (PatientStatus.ACTIVE, PatientStatus.PAUSED)


@dataclass(frozen=True)
class WorklistFilters:
    team_id: uuid.UUID | None = None
    tier: str | None = None


@dataclass
class WorklistRow:
    patient_id: uuid.UUID
    display_name: str
    team_name: str
    status: str
    time_zone: str
    alerts: list[Alert] = field(default_factory=list)
    last_check_in: datetime | None = None
    # Highest score of any site per day, oldest first; None for a day without a check-in.
    trend: list[int | None] = field(default_factory=list)
    not_reporting: bool = True

    @property
    def top_alert(self) -> Alert | None:
        return self.alerts[0] if self.alerts else None


def worklist(
    session: Session, clinician: Clinician, filters: WorklistFilters, now: datetime
) -> list[WorklistRow]:
    patients = patients_query(clinician, filters)
    in_list = select(patients.subquery().c.id)
    rows = {
        patient_id: WorklistRow(patient_id, name, team, status.value, zone)
        for patient_id, name, team, status, zone in session.execute(patients)
    }
    for alert in session.scalars(unresolved_alerts(in_list)):
        rows[alert.patient_id].alerts.append(alert)
    for patient_id, last in session.execute(last_check_ins(in_list)):
        rows[patient_id].last_check_in = last
        rows[patient_id].not_reporting = last is None or now - last > NOT_REPORTING_AFTER
    add_trends(session, rows, in_list, now.date())
    shown = [row for row in rows.values() if keeps(row, filters.tier)]
    return sorted(shown, key=triage_order)


def patients_query(clinician: Clinician, filters: WorklistFilters) -> Select[tuple]:
    query = (
        select(Patient.id, Patient.display_name, CareTeam.name, Patient.status, Patient.time_zone)
        .join(CareTeam, CareTeam.id == Patient.care_team_id)
        .where(Patient.care_team_id.in_(clinician.team_ids), Patient.status.in_(SHOWN_STATUSES))
    )
    if filters.team_id is not None:
        query = query.where(Patient.care_team_id == filters.team_id)
    return query


def unresolved_alerts(in_list: Select[tuple]) -> Select[tuple[Alert]]:
    return (
        select(Alert)
        .where(
            Alert.patient_id.in_(in_list),
            Alert.status != "resolved",
            Alert.tier.in_(WORKLIST_TIERS),
        )
        .order_by(TIER_ORDER, Alert.raised_at, Alert.id)
    )


def last_check_ins(in_list: Select[tuple]) -> Select[tuple]:
    return (
        select(PainReport.patient_id, func.max(PainReport.recorded_at))
        .where(PainReport.patient_id.in_(in_list), PainReport.deleted.is_(False))
        .group_by(PainReport.patient_id)
    )


def add_trends(
    session: Session, rows: dict[uuid.UUID, WorklistRow], in_list: Select[tuple], today: date
) -> None:
    first = today - timedelta(days=TREND_DAYS - 1)
    highest: dict[uuid.UUID, dict[date, int]] = defaultdict(dict)
    reports = select(PainReport.patient_id, PainReport.local_day, PainReport.body).where(
        PainReport.patient_id.in_(in_list),
        PainReport.deleted.is_(False),
        PainReport.local_day >= first,
    )
    for patient_id, day, body in session.execute(reports):
        # A check-in with no sites is a pain-free day: it counts as 0, not as missing.
        score = max((entry["score"] for entry in body.get("sites", [])), default=0)
        days = highest[patient_id]
        days[day] = max(days.get(day, 0), score)
    days = [first + timedelta(days=n) for n in range(TREND_DAYS)]
    for patient_id, row in rows.items():
        row.trend = [highest[patient_id].get(day) for day in days]


def keeps(row: WorklistRow, tier: str | None) -> bool:
    return tier is None or any(alert.tier == tier for alert in row.alerts)


def triage_order(row: WorklistRow) -> tuple[int, float, str]:
    """Open alerts first, highest tier first, then the longest waiting; then by name."""
    top = row.top_alert
    if top is None:
        return (len(TIERS), 0.0, row.display_name.lower())
    return (TIERS[::-1].index(top.tier), top.raised_at.timestamp(), row.display_name.lower())

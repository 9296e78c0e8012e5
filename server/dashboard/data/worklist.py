"""The triage worklist: the patients who need attention first, one page at a time.

Patients with open alerts come first (highest tier, then longest waiting), then those not
reporting, then the rest by name. The order and the counts come from one ranked query in the
database; only the page's patients are loaded with their alerts, last check-in, 14 days of
reports and latest check-in note, so the page costs about the same for 50 patients or 10,000.
A search (`q`) narrows the same query, so its counts are those of the patients it finds.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session

from server.dashboard.data.check_in_notes import CheckInNote, latest_notes
from server.models import Alert, CareTeam, PainReport, Patient, PatientStatus
from server.security.actors import Clinician
from server.services.alert_review import TIER_ORDER
from server.services.patient_search import matching
from shared.lifecycle import TIERS

TREND_DAYS = 14
NOT_REPORTING_AFTER = timedelta(hours=72)
PAGE_ROWS = 100
# Info alerts are for the timeline only; they never ask anyone to act.
WORKLIST_TIERS = tuple(tier for tier in TIERS if tier != "info")
SHOWN_STATUSES = (PatientStatus.ACTIVE, PatientStatus.PAUSED)


@dataclass(frozen=True)
class WorklistFilters:
    team_id: uuid.UUID | None = None
    tier: str | None = None
    page: int = 1
    # Part of a name or the start of an MRN (see server.services.patient_search).
    q: str | None = None


@dataclass
class WorklistRow:
    patient_id: uuid.UUID
    display_name: str
    mrn: str | None
    team_name: str
    status: str
    time_zone: str
    alerts: list[Alert] = field(default_factory=list)
    last_check_in: datetime | None = None
    # Highest score of any site per day, oldest first; None for a day without a check-in that
    # rated pain.
    trend: list[int | None] = field(default_factory=list)
    not_reporting: bool = True
    note: CheckInNote | None = None

    @property
    def top_alert(self) -> Alert | None:
        return self.alerts[0] if self.alerts else None


@dataclass(frozen=True)
class Worklist:
    rows: list[WorklistRow]
    page: int
    # Of every patient the filters match, not only this page's.
    total: int = 0
    with_alerts: int = 0
    not_reporting: int = 0

    @property
    def first(self) -> int:
        return (self.page - 1) * PAGE_ROWS + 1

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    @property
    def has_next(self) -> bool:
        return self.page * PAGE_ROWS < self.total

    @property
    def pages(self) -> int:
        return max((self.total + PAGE_ROWS - 1) // PAGE_ROWS, 1)


def worklist(
    session: Session, clinician: Clinician, filters: WorklistFilters, now: datetime
) -> Worklist:
    ranked = session.execute(ranked_patients(clinician, filters, now)).all()
    if not ranked:
        return Worklist([], filters.page)
    rows = {
        row.id: WorklistRow(
            row.id, row.display_name, row.mrn, row.team, row.status.value, row.time_zone
        )
        for row in ranked
    }
    ids = list(rows)
    for alert in session.scalars(unresolved_alerts(ids)):
        rows[alert.patient_id].alerts.append(alert)
    for patient_id, last in session.execute(last_check_ins(ids)):
        rows[patient_id].last_check_in = last
        rows[patient_id].not_reporting = last is None or now - last > NOT_REPORTING_AFTER
    # One read of the fortnight's check-ins serves the trend and the note (72 h fall within it).
    recent = session.execute(recent_reports(ids, now.date())).all()
    add_trends(rows, recent, now.date())
    for patient_id, note in latest_notes(recent, now).items():
        rows[patient_id].note = note
    first = ranked[0]
    return Worklist(
        list(rows.values()),
        filters.page,
        total=first.total,
        with_alerts=first.with_alerts,
        not_reporting=int(first.not_reporting),
    )


def ranked_patients(clinician: Clinician, filters: WorklistFilters, now: datetime) -> Select:
    """One page of patients in triage order, each row carrying the counts of the whole list."""
    mine = select(Patient.id).where(Patient.care_team_id.in_(clinician.team_ids))
    alerts = (
        select(
            Alert.patient_id,
            TIER_ORDER.label("rank"),
            Alert.raised_at,
            func.row_number()
            .over(partition_by=Alert.patient_id, order_by=(TIER_ORDER, Alert.raised_at, Alert.id))
            .label("n"),
        )
        .where(
            Alert.patient_id.in_(mine),
            Alert.status != "resolved",
            Alert.tier.in_(WORKLIST_TIERS),
        )
        .subquery()
    )
    top = select(alerts.c.patient_id, alerts.c.rank, alerts.c.raised_at).where(alerts.c.n == 1)
    top = top.subquery()
    last = (
        select(PainReport.patient_id, func.max(PainReport.recorded_at).label("at"))
        .where(PainReport.patient_id.in_(mine), PainReport.deleted.is_(False))
        .group_by(PainReport.patient_id)
        .subquery()
    )
    silent = case((last.c.at.is_(None) | (last.c.at < now - NOT_REPORTING_AFTER), 1), else_=0)
    has_alert = case((top.c.rank.is_(None), 1), else_=0)
    query = (
        patients_query(clinician, filters)
        .outerjoin(top, top.c.patient_id == Patient.id)
        .outerjoin(last, last.c.patient_id == Patient.id)
        .add_columns(
            func.count(literal(1)).over().label("total"),
            func.count(top.c.rank).over().label("with_alerts"),
            func.sum(silent).over().label("not_reporting"),
        )
        .order_by(
            has_alert,
            top.c.rank,
            top.c.raised_at,
            silent.desc(),
            func.lower(Patient.display_name),
            Patient.id,
        )
        .limit(PAGE_ROWS)
        .offset((filters.page - 1) * PAGE_ROWS)
    )
    if filters.tier is not None:
        query = query.where(
            Patient.id.in_(
                select(Alert.patient_id).where(
                    Alert.status != "resolved", Alert.tier == filters.tier
                )
            )
        )
    return query


def patients_query(clinician: Clinician, filters: WorklistFilters) -> Select[tuple]:
    query = (
        select(
            Patient.id,
            Patient.display_name,
            Patient.mrn,
            CareTeam.name.label("team"),
            Patient.status,
            Patient.time_zone,
        )
        .join(CareTeam, CareTeam.id == Patient.care_team_id)
        .where(Patient.care_team_id.in_(clinician.team_ids), Patient.status.in_(SHOWN_STATUSES))
    )
    if filters.team_id is not None:
        query = query.where(Patient.care_team_id == filters.team_id)
    if filters.q is not None:
        query = query.where(matching(filters.q))
    return query


def unresolved_alerts(in_list: Collection[uuid.UUID]) -> Select[tuple[Alert]]:
    return (
        select(Alert)
        .where(
            Alert.patient_id.in_(in_list),
            Alert.status != "resolved",
            Alert.tier.in_(WORKLIST_TIERS),
        )
        .order_by(TIER_ORDER, Alert.raised_at, Alert.id)
    )


def last_check_ins(in_list: Collection[uuid.UUID]) -> Select[tuple]:
    return (
        select(PainReport.patient_id, func.max(PainReport.recorded_at))
        .where(PainReport.patient_id.in_(in_list), PainReport.deleted.is_(False))
        .group_by(PainReport.patient_id)
    )


def recent_reports(in_list: Collection[uuid.UUID], today: date) -> Select[tuple]:
    return select(
        PainReport.patient_id, PainReport.local_day, PainReport.recorded_at, PainReport.body
    ).where(
        PainReport.patient_id.in_(in_list),
        PainReport.deleted.is_(False),
        PainReport.local_day >= today - timedelta(days=TREND_DAYS - 1),
    )


def add_trends(
    rows: dict[uuid.UUID, WorklistRow], reports: Sequence[Sequence[Any]], today: date
) -> None:
    first = today - timedelta(days=TREND_DAYS - 1)
    highest: dict[uuid.UUID, dict[date, int]] = defaultdict(dict)
    for patient_id, day, _, body in reports:
        # Symptoms only, pain not rated: no point on the day, as if no check-in (the catalogue's
        # "logged day"); the patient still counts as reporting.
        if body.get("pain_rated") is False:
            continue
        # A check-in with no sites is a pain-free day: it counts as 0, not as missing.
        score = max((entry["score"] for entry in body.get("sites", [])), default=0)
        days = highest[patient_id]
        days[day] = max(days.get(day, 0), score)
    days = [first + timedelta(days=n) for n in range(TREND_DAYS)]
    for patient_id, row in rows.items():
        row.trend = [highest[patient_id].get(day) for day in days]

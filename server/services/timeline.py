"""One patient's timeline over a range of their local days: reports, doses, treatments, alerts
and clinicians' notes.

Reports and doses come with the server's flags (clock ahead, deleted) and any conflicting
revision another device sent, so the clinician sees what the phone's history cannot settle.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from server.models import Alert, Dose, PainReport, PatientNote, RecordRevision, Treatment
from server.security.actors import Clinician
from server.services.access import patient_in_reach
from server.services.alert_review import WITH_THREAD
from server.services.patient_notes import notes_between
from server.services.treatments import as_record as treatment_record
from shared.wire import dump_treatment

Row = TypeVar("Row", PainReport, Dose)

DEFAULT_DAYS = 30
MAX_DAYS = 366


@dataclass(frozen=True)
class DayRange:
    first: date
    last: date


@dataclass(frozen=True)
class Timeline:
    patient_id: uuid.UUID
    days: DayRange
    reports: list[PainReport]
    doses: list[Dose]
    treatments: list[dict[str, Any]]
    alerts: list[Alert]
    conflicts: list[RecordRevision]
    notes: list[PatientNote]


def day_range(first: date | None, last: date | None, today: date) -> DayRange:
    """Both ends as asked; a missing end makes a 30-day window; neither: the last 30 days."""
    window = timedelta(days=DEFAULT_DAYS - 1)
    if first is not None:
        return DayRange(first, last if last is not None else first + window)
    end = last if last is not None else today
    return DayRange(end - window, end)


def patient_timeline(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    first: date | None,
    last: date | None,
    now: datetime,
) -> Timeline:
    patient = patient_in_reach(session, clinician, patient_id)
    zone = ZoneInfo(patient.time_zone)
    days = day_range(first, last, now.astimezone(zone).date())
    reports = records_in(session, PainReport, patient.id, days, PainReport.recorded_at)
    doses = records_in(session, Dose, patient.id, days, Dose.taken_at)
    return Timeline(
        patient_id=patient.id,
        days=days,
        reports=reports,
        doses=doses,
        treatments=treatments_in(session, patient.id, days),
        alerts=alerts_in(session, patient.id, days, zone),
        conflicts=conflicts_of(session, patient.id, [*reports, *doses]),
        notes=notes_between(session, patient.id, *local_bounds(days, zone)),
    )


def records_in(
    session: Session,
    model: type[Row],
    patient_id: uuid.UUID,
    days: DayRange,
    by_time: InstrumentedAttribute[datetime],
) -> list[Row]:
    return list(
        session.scalars(
            select(model)
            .where(model.patient_id == patient_id, model.local_day.between(days.first, days.last))
            .order_by(by_time, model.id)
        )
    )


def treatments_in(session: Session, patient_id: uuid.UUID, days: DayRange) -> list[dict[str, Any]]:
    """Treatments under way on any day of the range (a course without an end is still going)."""
    rows = session.scalars(
        select(Treatment)
        .where(
            Treatment.patient_id == patient_id,
            Treatment.deleted.is_(False),
            Treatment.started_on <= days.last,
            or_(Treatment.ended_on.is_(None), Treatment.ended_on >= days.first),
        )
        .order_by(Treatment.started_on, Treatment.id)
    )
    return [dump_treatment(treatment_record(row)) for row in rows]


def alerts_in(
    session: Session, patient_id: uuid.UUID, days: DayRange, zone: ZoneInfo
) -> list[Alert]:
    start, end = local_bounds(days, zone)
    return list(
        session.scalars(
            select(Alert)
            .where(Alert.patient_id == patient_id, Alert.raised_at >= start, Alert.raised_at < end)
            .order_by(Alert.raised_at, Alert.id)
            .options(*WITH_THREAD)
        )
    )


def local_bounds(days: DayRange, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The range's first local midnight and the one after its last day."""
    start = datetime.combine(days.first, time(), tzinfo=zone)
    return start, datetime.combine(days.last + timedelta(days=1), time(), tzinfo=zone)


def conflicts_of(
    session: Session, patient_id: uuid.UUID, records: list[PainReport | Dose]
) -> list[RecordRevision]:
    """Revisions that clashed with a shown record (same number, other content)."""
    shown = {record.id for record in records}
    if not shown:
        return []
    # Conflicts are rare: read the patient's few and keep those of shown records, rather than
    # send every shown id to the database.
    rows = session.scalars(
        select(RecordRevision)
        .where(RecordRevision.patient_id == patient_id, RecordRevision.conflict.is_(True))
        .order_by(RecordRevision.received_at, RecordRevision.id)
    )
    return [row for row in rows if row.record_id in shown]

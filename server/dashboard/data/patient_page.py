"""One patient's page: recent pain by site, daily scores and OME over 30 or 90 days, treatments,
doses, reports, alerts with their threads, and the clinicians' notes.

Scores and OME come from `shared.history`, the engine's own definitions, so the chart shows
exactly what the rules read: the daily score of a site is its highest score that day, 0 on a
logged day that does not list it, and nothing on a day without a check-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Alert, Patient, PatientNote, Snooze
from server.services.alert_review import TIER_ORDER, WITH_THREAD
from server.services.alerts.history import load_history
from server.services.patient_notes import latest_notes
from shared.config import RulesConfig
from shared.history import PatientHistory
from shared.plausibility import is_implausible
from shared.records import Dose, PainReport, Treatment
from shared.vocab import SITES

CHART_DAYS = (30, 90)
RECENT_DAYS = 7
LIST_DAYS = 14
MOST_SERIES = 4
RESOLVED_SHOWN = 10
NOTES_SHOWN = 20


@dataclass(frozen=True)
class DailyScores:
    site: str
    points: list[tuple[date, int | None]]


@dataclass(frozen=True)
class PatientPage:
    patient: Patient
    today: date
    days: int
    site: str | None
    # The latest daily score of each site in the last 7 days (None: no check-in in that time).
    recent_day: date | None
    recent_scores: dict[str, int | None]
    series: list[DailyScores]
    ome: list[tuple[date, float]]
    treatments: list[Treatment]
    doses: list[Dose]
    # Ids of the listed doses above their plausible limit: struck through, left out of OME.
    implausible: frozenset[str]
    reports: list[PainReport]
    alerts: list[Alert]
    snoozes: list[Snooze]
    notes: list[PatientNote]

    @property
    def first_day(self) -> date:
        return self.today - timedelta(days=self.days - 1)


def shown_days(asked: int | None) -> int:
    """The chart range asked for, or the first one when it is not a range the page offers."""
    return asked if asked in CHART_DAYS else CHART_DAYS[0]


def local_today(patient: Patient, now: datetime) -> date:
    try:
        return now.astimezone(ZoneInfo(patient.time_zone)).date()
    except (KeyError, ValueError):
        return now.date()


def patient_page(
    session: Session,
    patient: Patient,
    days: int,
    site: str | None,
    now: datetime,
    config: RulesConfig,
) -> PatientPage:
    today = local_today(patient, now)
    first = today - timedelta(days=days - 1)
    history = load_history(session, patient, now - timedelta(days=days)).history
    recent_day, recent = recent_scores(history, today)
    chart_days = [first + timedelta(days=n) for n in range(days)]
    doses = sorted(
        history.doses.between(today - timedelta(days=LIST_DAYS - 1), today),
        key=lambda dose: dose.taken_at,
        reverse=True,
    )
    return PatientPage(
        patient=patient,
        today=today,
        days=days,
        site=site,
        recent_day=recent_day,
        recent_scores=recent,
        series=series(history, chart_days, site),
        ome=[(day, history.daily_ome(day, config)) for day in chart_days],
        treatments=[t for t in history.treatments if overlaps(t, first, today)],
        doses=doses,
        implausible=frozenset(dose.id for dose in doses if is_implausible(dose, config)),
        reports=sorted(
            history.reports.between(today - timedelta(days=LIST_DAYS - 1), today),
            key=lambda report: report.recorded_at,
            reverse=True,
        ),
        alerts=alerts_of(session, patient),
        snoozes=active_snoozes(session, patient, now),
        notes=latest_notes(session, patient.id, NOTES_SHOWN),
    )


def recent_scores(
    history: PatientHistory, today: date
) -> tuple[date | None, dict[str, int | None]]:
    logged = history.logged_days(today - timedelta(days=RECENT_DAYS - 1), today)
    if not logged:
        return None, dict.fromkeys(SITES)
    last = logged[-1]
    return last, {site: history.daily_score(site, last) for site in SITES}


def series(history: PatientHistory, days: list[date], site: str | None) -> list[DailyScores]:
    """The chosen site, or the sites that hurt most in the period (at most four)."""
    candidates = [site] if site else list(SITES)
    found = []
    for code in candidates:
        points = [(day, history.daily_score(code, day)) for day in days]
        peak = max((score for _, score in points if score is not None), default=0)
        if site or peak > 0:
            found.append((peak, code, points))
    found.sort(key=lambda item: -item[0])
    return [DailyScores(code, points) for _, code, points in found[:MOST_SERIES]]


def overlaps(treatment: Treatment, first: date, last: date) -> bool:
    ended = treatment.ended_on or treatment.started_on
    return treatment.started_on <= last and ended >= first


def alerts_of(session: Session, patient: Patient) -> list[Alert]:
    unresolved = session.scalars(
        select(Alert)
        .where(Alert.patient_id == patient.id, Alert.status != "resolved")
        .order_by(TIER_ORDER, Alert.raised_at)
        .options(*WITH_THREAD)
    ).all()
    resolved = session.scalars(
        select(Alert)
        .where(Alert.patient_id == patient.id, Alert.status == "resolved")
        .order_by(Alert.resolved_at.desc())
        .limit(RESOLVED_SHOWN)
        .options(*WITH_THREAD)
    ).all()
    return [*unresolved, *resolved]


def active_snoozes(session: Session, patient: Patient, now: datetime) -> list[Snooze]:
    return list(
        session.scalars(
            select(Snooze)
            .where(Snooze.patient_id == patient.id, Snooze.until > now)
            .order_by(Snooze.until)
        )
    )

"""The PDF visit summary's record: the patient page's data over 30 or 90 days, the alerts open
now or resolved in that period with their threads, and the latest notes about the patient."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.dashboard.data.patient_page import PatientPage, patient_page
from server.dashboard.data.printout import Printout
from server.models import Alert, PainReport, Patient, PatientNote
from shared.config import RulesConfig

NOTES_SHOWN = 10


@dataclass(frozen=True)
class VisitSummary:
    page: PatientPage
    printout: Printout
    # The start of the period, as a moment: alerts resolved since then are the period's.
    since: datetime
    # Days of the period with at least one check-in.
    logged_days: int
    # Resolved in the period, counting those beyond the page's most recent few.
    resolved_count: int

    @property
    def open_alerts(self) -> list[Alert]:
        return [alert for alert in self.page.alerts if alert.status != "resolved"]

    @property
    def resolved_alerts(self) -> list[Alert]:
        """The page's most recently resolved alerts that were resolved in the period."""
        return [
            alert
            for alert in self.page.alerts
            if alert.resolved_at is not None and alert.resolved_at >= self.since
        ]

    @property
    def notes(self) -> list[PatientNote]:
        return self.page.notes[:NOTES_SHOWN]

    @property
    def recorded_nothing(self) -> bool:
        patient = self.page.patient
        return not (
            self.logged_days
            or any(ome for _, ome in self.page.ome)
            or self.page.treatments
            or self.page.alerts
            or self.page.notes
            or patient.lesions
            or patient.medications
        )


def visit_summary(
    session: Session, patient: Patient, days: int, printout: Printout, config: RulesConfig
) -> VisitSummary:
    page = patient_page(session, patient, days, None, printout.at, config)
    since = printout.at - timedelta(days=days)
    return VisitSummary(
        page=page,
        printout=printout,
        since=since,
        logged_days=logged_days(session, page),
        resolved_count=resolved_since(session, patient, since),
    )


def logged_days(session: Session, page: PatientPage) -> int:
    count = session.scalar(
        select(func.count(func.distinct(PainReport.local_day))).where(
            PainReport.patient_id == page.patient.id,
            PainReport.deleted.is_(False),
            PainReport.local_day.between(page.first_day, page.today),
        )
    )
    return count or 0


def resolved_since(session: Session, patient: Patient, since: datetime) -> int:
    count = session.scalar(
        select(func.count(Alert.id)).where(
            Alert.patient_id == patient.id,
            Alert.status == "resolved",
            Alert.resolved_at >= since,
        )
    )
    return count or 0

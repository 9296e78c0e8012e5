"""Running the time-based rules once per patient per local day, at the first tick of that day.

Rule 16 counts weeks and rule 18 hours-long silences; a daily look is soon enough for both, and
re-running them every tick would only repeat the same answer. Patients are grouped by time zone
(there are few), so finding who is due is one indexed query per zone, not a scan of everyone.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.models import Patient, PatientStatus, ScheduledEvaluation
from server.services.alerts.scheduled import evaluate_time_based
from server.services.change_sequence import ChangeSequence
from shared.config import RulesConfig

BATCH = 100


def run_due_patients(
    session: Session, now: datetime, config: RulesConfig, batch: int = BATCH
) -> int:
    """Evaluate up to `batch` patients whose local day has not been evaluated; returns how many."""
    done = 0
    zones = session.scalars(
        select(Patient.time_zone).where(Patient.status == PatientStatus.ACTIVE).distinct()
    ).all()
    session.commit()
    for zone in sorted(zones):
        today = now.astimezone(ZoneInfo(zone)).date()
        due = session.scalars(
            select(Patient.id)
            .outerjoin(ScheduledEvaluation, ScheduledEvaluation.patient_id == Patient.id)
            .where(
                Patient.status == PatientStatus.ACTIVE,
                Patient.time_zone == zone,
                or_(ScheduledEvaluation.local_day.is_(None), ScheduledEvaluation.local_day < today),
            )
            .order_by(Patient.id)
            .limit(batch - done)
        ).all()
        session.commit()
        for patient_id in due:
            evaluate_patient(session, patient_id, now, config)
            done += 1
        if done >= batch:
            break
    return done


def evaluate_patient(
    session: Session, patient_id: object, now: datetime, config: RulesConfig
) -> None:
    """One patient, one transaction: their row lock orders this against their pushes."""
    sequence = ChangeSequence(session, patient_id)  # type: ignore[arg-type]
    patient = session.get_one(Patient, patient_id)
    evaluate_time_based(session, patient, now, config, sequence)
    sequence.close()
    local_day = now.astimezone(ZoneInfo(patient.time_zone)).date()
    mark = session.get(ScheduledEvaluation, patient.id)
    if mark is None:
        session.add(
            ScheduledEvaluation(
                patient_id=patient.id,
                clinic_id=patient.clinic_id,
                local_day=local_day,
                evaluated_at=now,
            )
        )
    else:
        mark.local_day = local_day
        mark.evaluated_at = now
    session.commit()

"""Loading a patient's history for the engine: the declared window only, never the whole record."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.models import Dose, PainReport, Patient, Treatment
from shared.history import PatientHistory, required_window
from shared.records import Dose as WireDose
from shared.records import PainReport as WireReport
from shared.records import PatientContext
from shared.records import Treatment as WireTreatment
from shared.vocab import MEDICATIONS, MedicationClass
from shared.wire import DoseSchema, PainReportSchema, PatientContextSchema, TreatmentSchema

BONE_AGENTS = sorted(
    code
    for code, medication in MEDICATIONS.items()
    if medication.drug_class is MedicationClass.BONE_AGENT
)


@dataclass(frozen=True)
class LoadedHistory:
    history: PatientHistory
    # When each record happened, for the lifecycle's "evidence newer than the resolution".
    evidence_times: dict[str, datetime]


def load_history(session: Session, patient: Patient, earliest_now: datetime) -> LoadedHistory:
    """The records the engine needs to evaluate at `earliest_now` and any later moment."""
    treatments = [load_treatment(body) for body in treatment_bodies(session, patient.id)]
    since = required_window(treatments, earliest_now)
    reports = [
        PainReportSchema().load(body)
        for body in session.scalars(
            select(PainReport.body).where(
                PainReport.patient_id == patient.id,
                PainReport.deleted.is_(False),
                PainReport.recorded_at >= since,
            )
        )
    ]
    doses = [
        DoseSchema().load(body)
        for body in session.scalars(
            select(Dose.body).where(
                Dose.patient_id == patient.id,
                Dose.deleted.is_(False),
                or_(Dose.taken_at >= since, Dose.medication.in_(BONE_AGENTS)),
            )
        )
    ]
    history = PatientHistory.build(reports, doses, treatments, patient_context(patient))
    return LoadedHistory(history, evidence_times(reports, doses, treatments))


def treatment_bodies(session: Session, patient_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = session.scalars(select(Treatment).where(Treatment.patient_id == patient_id))
    return [treatment_wire(row) for row in rows]


def treatment_wire(row: Treatment) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "kind": row.kind,
        "sites": list(row.sites),
        "started_on": row.started_on.isoformat(),
        "ended_on": row.ended_on.isoformat() if row.ended_on else None,
        "revision": row.revision,
        "deleted": row.deleted,
        "details": dict(row.details),
    }


def load_treatment(body: dict[str, Any]) -> WireTreatment:
    treatment: WireTreatment = TreatmentSchema().load(body)
    return treatment


def patient_context(patient: Patient) -> PatientContext:
    wire = {
        "id": str(patient.id),
        "revision": patient.context_revision,
        "care_team_id": str(patient.care_team_id),
        "time_zone": patient.time_zone,
        "status": patient.status.value,
        "lesions": list(patient.lesions),
        "medications": list(patient.medications),
    }
    if patient.helpline:
        wire["helpline"] = patient.helpline
    # partial: a patient may have no helpline of their own yet (the team's applies).
    context: PatientContext = PatientContextSchema().load(wire, partial=True)
    return context


def evidence_times(
    reports: list[WireReport], doses: list[WireDose], treatments: list[WireTreatment]
) -> dict[str, datetime]:
    times = {report.id: report.recorded_at for report in reports}
    times.update({dose.id: dose.taken_at for dose in doses})
    times.update({t.id: datetime.combine(t.started_on, time(), tzinfo=UTC) for t in treatments})
    return times

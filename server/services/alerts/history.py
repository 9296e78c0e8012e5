"""Loading a patient's history for the engine: the declared window only, never the whole record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import bindparam, literal, or_, select, union_all
from sqlalchemy.orm import Session

from server.models import Dose, PainReport, Patient, Treatment
from server.services.treatment_records import as_record as treatment_record
from shared.history import PatientHistory, required_window
from shared.records import Dose as WireDose
from shared.records import PainReport as WireReport
from shared.records import PatientContext
from shared.records import Treatment as WireTreatment
from shared.vocab import MEDICATIONS, MedicationClass
from shared.wire.trusted import trusted_context, trusted_dose, trusted_report

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


# Built once: composing a statement costs about as much as running it. One statement for both
# kinds, because on PostgreSQL each statement is a round trip.
TREATMENTS_OF_PATIENT = select(Treatment).where(Treatment.patient_id == bindparam("patient_id"))
RECORDS_IN_WINDOW = union_all(
    select(literal("report").label("kind"), PainReport.body).where(
        PainReport.patient_id == bindparam("patient_id"),
        PainReport.deleted.is_(False),
        PainReport.recorded_at >= bindparam("since"),
    ),
    select(literal("dose").label("kind"), Dose.body).where(
        Dose.patient_id == bindparam("patient_id"),
        Dose.deleted.is_(False),
        or_(Dose.taken_at >= bindparam("since"), Dose.medication.in_(BONE_AGENTS)),
    ),
)


def load_history(session: Session, patient: Patient, earliest_now: datetime) -> LoadedHistory:
    """The records the engine needs to evaluate at `earliest_now` and any later moment."""
    treatments = [
        treatment_record(row)
        for row in session.scalars(TREATMENTS_OF_PATIENT, {"patient_id": patient.id})
    ]
    since = required_window(treatments, earliest_now)
    window = {"patient_id": patient.id, "since": since}
    reports: list[WireReport] = []
    doses: list[WireDose] = []
    # Stored bodies passed the wire schemas on arrival; validating them again would cost more
    # than the engine itself.
    for kind, body in session.execute(RECORDS_IN_WINDOW, window):
        if kind == "report":
            reports.append(trusted_report(body))
        else:
            doses.append(trusted_dose(body))
    history = PatientHistory.build(reports, doses, treatments, patient_context(patient))
    return LoadedHistory(history, evidence_times(reports, doses, treatments))


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
    # The columns passed the context schema when a clinician wrote them.
    return trusted_context(wire)


def evidence_times(
    reports: list[WireReport], doses: list[WireDose], treatments: list[WireTreatment]
) -> dict[str, datetime]:
    times = {report.id: report.recorded_at for report in reports}
    times.update({dose.id: dose.taken_at for dose in doses})
    times.update({t.id: datetime.combine(t.started_on, time(), tzinfo=UTC) for t in treatments})
    return times

"""The patient's history as the shared engine reads it, built from the phone's own store.

Loads the window the engine declares (`shared.history.required_window`): reports from that
time on, every dose (bone-agent doses count in full and a phone holds few), every treatment and
the context. Stored bodies were validated before saving, so loading them again cannot fail
except for a programming error.
"""

import sqlite3
from datetime import datetime

from mobile.store import Kind, clinical, records
from mobile.sync.tolerant import load_pulled
from shared.history import PatientHistory, required_window
from shared.records import Dose, PainReport, PatientContext, Treatment
from shared.wire import DoseSchema, PainReportSchema, PatientContextSchema, TreatmentSchema


def load_history(connection: sqlite3.Connection, now: datetime) -> PatientHistory:
    treatments: list[Treatment] = [
        TreatmentSchema().load(body) for body in clinical.treatments(connection)
    ]
    earliest = required_window(treatments, now)
    report_schema, dose_schema = PainReportSchema(), DoseSchema()
    reports: list[PainReport] = [
        report_schema.load(record.body)
        for record in records.since(connection, Kind.REPORT, earliest)
    ]
    doses: list[Dose] = [
        dose_schema.load(record.body) for record in records.since(connection, Kind.DOSE)
    ]
    context_body = clinical.context(connection)
    context: PatientContext | None = (
        None if context_body is None else load_pulled(PatientContextSchema(), context_body)
    )
    return PatientHistory.build(reports, doses, treatments, context)

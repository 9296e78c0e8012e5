"""Wire format v1: marshmallow schemas that turn JSON records into frozen dataclasses and back.

Loading validates (unknown fields, unknown codes, out-of-range scores, over-long strings, times
without a UTC offset) and returns `shared.records` dataclasses; dumping turns those dataclasses
into wire dicts. Pass `now=` to a schema to reject times more than 26 h ahead of that clock;
`check_future` says whether an accepted time is ahead and should be flagged.
"""

from typing import Any

from shared.records import Dose, PainReport, PatientContext, Treatment
from shared.wire.context import PatientContextSchema
from shared.wire.doses import DoseSchema
from shared.wire.future import MAX_AHEAD, ClockCheck, check_future
from shared.wire.reports import NOTE_MAX_CHARACTERS, PainReportSchema
from shared.wire.treatments import TreatmentSchema


def dump_report(report: PainReport) -> dict[str, Any]:
    return dict(PainReportSchema().dump(report))


def dump_dose(dose: Dose) -> dict[str, Any]:
    return dict(DoseSchema().dump(dose))


def dump_treatment(treatment: Treatment) -> dict[str, Any]:
    return dict(TreatmentSchema().dump(treatment))


def dump_context(context: PatientContext) -> dict[str, Any]:
    return dict(PatientContextSchema().dump(context))


__all__ = [
    "MAX_AHEAD",
    "NOTE_MAX_CHARACTERS",
    "ClockCheck",
    "DoseSchema",
    "PainReportSchema",
    "PatientContextSchema",
    "TreatmentSchema",
    "check_future",
    "dump_context",
    "dump_dose",
    "dump_report",
    "dump_treatment",
]

"""Rebuilding stored wire JSON without marshmallow gives exactly what the schemas give."""

from shared.wire import (
    DoseSchema,
    PainReportSchema,
    PatientContextSchema,
    dump_context,
    dump_dose,
    dump_report,
)
from shared.wire.trusted import trusted_context, trusted_dose, trusted_report
from tests.shared.builders import day, dose_wire, report_wire, site


def test_a_trusted_report_equals_the_schema_loaded_one():
    wire = dump_report(
        PainReportSchema().load(
            report_wire(
                day(-2),
                site("spine_thoracic", 6, qualities=["band_like"], aggravated_by=["night"]),
                site("femur_left", 2),
                symptoms=["limb_weakness"],
                offset_hours=10,
                interference={"sleep": 4},
                note="worse at night",
            )
        )
    )

    assert trusted_report(wire) == PainReportSchema().load(wire)


def test_a_trusted_report_that_did_not_rate_pain_equals_the_schema_loaded_one():
    wire = dump_report(
        PainReportSchema().load(
            report_wire(day(-1), symptoms=["confusion_drowsiness"], pain_rated=False)
        )
    )

    assert wire["pain_rated"] is False
    assert trusted_report(wire) == PainReportSchema().load(wire)


def test_a_trusted_dose_equals_the_schema_loaded_one():
    wire = dump_dose(
        DoseSchema().load(
            dose_wire(
                day(-1),
                "fentanyl_patch",
                25,
                unit="mcg/h",
                route="transdermal",
                purpose="scheduled",
            )
        )
    )

    assert trusted_dose(wire) == DoseSchema().load(wire)


def test_a_trusted_context_equals_the_schema_loaded_one():
    wire = dump_context(
        PatientContextSchema().load(
            {
                "id": "0b0e0b63-58f4-4e8e-9d7c-3a4a0b7a1c11",
                "revision": 3,
                "care_team_id": "5f0c6c58-5a53-4c0c-8b8f-2a57a4f3b0a2",
                "time_zone": "Europe/London",
                "helpline": "+44 20 7946 0000",
                "status": "active",
                "lesions": [
                    {
                        "site": "femur_left",
                        "type": "lytic",
                        "cortical_involvement": "gt_two_thirds",
                    },
                    {"site": "spine_thoracic"},
                ],
                "medications": [
                    {
                        "medication": "morphine",
                        "purpose": "scheduled",
                        "since": "2026-01-05",
                        "dose": 30,
                        "unit": "mg",
                        "route": "oral",
                        "until": "2026-03-01",
                    },
                    {
                        "medication": "zoledronic_acid",
                        "purpose": "scheduled",
                        "since": "2025-12-01",
                    },
                ],
            }
        )
    )

    assert trusted_context(wire) == PatientContextSchema().load(wire)


def test_a_trusted_context_of_a_patient_without_a_helpline_equals_the_partial_load():
    wire = {
        "id": "0b0e0b63-58f4-4e8e-9d7c-3a4a0b7a1c11",
        "revision": 1,
        "care_team_id": "5f0c6c58-5a53-4c0c-8b8f-2a57a4f3b0a2",
        "time_zone": "Europe/London",
        "status": "active",
        "lesions": [],
        "medications": [],
    }

    assert trusted_context(wire) == PatientContextSchema().load(wire, partial=True)

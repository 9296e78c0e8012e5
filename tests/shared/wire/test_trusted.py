"""Rebuilding stored wire JSON without marshmallow gives exactly what the schemas give."""

from shared.wire import DoseSchema, PainReportSchema, dump_dose, dump_report
from shared.wire.trusted import trusted_dose, trusted_report
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

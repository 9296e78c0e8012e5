import pytest
from marshmallow import ValidationError

from shared.records import TreatmentDetails
from shared.wire import TreatmentSchema, dump_treatment
from tests.shared.builders import D, day, treatment_wire


def errors_of(wire: dict) -> dict:
    with pytest.raises(ValidationError) as caught:
        TreatmentSchema().load(wire)
    return caught.value.messages


def test_a_radiotherapy_course_loads_and_dumps_back():
    wire = treatment_wire("radiotherapy", ["femur_left"], day(-5), day(-1))

    loaded = TreatmentSchema().load(wire)

    assert loaded.sites == ("femur_left",) and loaded.ended_on == day(-1)
    assert loaded.details == TreatmentDetails(dose_gy=8, fractions=1)
    assert dump_treatment(loaded) == {**wire, "details": {**wire["details"], "stopped": False}}


def test_a_bone_agent_administration_carries_agent_and_interval():
    wire = treatment_wire("denosumab", [], D, details={"agent": "denosumab", "interval_weeks": 4})

    assert TreatmentSchema().load(wire).details.interval_weeks == 4


def test_a_course_cannot_end_before_it_starts():
    messages = errors_of(treatment_wire("radiotherapy", ["sacrum"], D, day(-1)))

    assert messages == {"ended_on": ["ended_on must be on or after started_on"]}


def test_radiotherapy_needs_a_site_and_an_end_date():
    assert "at least one site" in errors_of(treatment_wire("radiotherapy", [], D))["sites"][0]
    wire = {**treatment_wire("radiotherapy", ["sacrum"], D), "ended_on": None}
    assert "needs ended_on" in errors_of(wire)["ended_on"][0]


def test_unknown_kind_site_agent_and_detail_fields_are_rejected():
    wire = treatment_wire("magic", ["knee"], D, details={"agent": "aspirin", "colour": "red"})

    messages = errors_of(wire)

    assert messages["kind"][0].startswith("unknown treatment kind 'magic'")
    assert messages["sites"][0][0].startswith("unknown site 'knee'")
    assert messages["details"]["agent"][0].startswith("unknown bone agent 'aspirin'")
    assert "unknown field" in messages["details"]["colour"][0]


def test_a_malformed_date_is_rejected_with_an_example():
    wire = {**treatment_wire("radiotherapy", ["sacrum"], D), "started_on": "27/11/2026"}

    assert errors_of(wire)["started_on"] == ["started_on must be a date like 2026-11-01"]

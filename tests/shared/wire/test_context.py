import pytest
from marshmallow import ValidationError

from shared.records import Lesion
from shared.wire import PatientContextSchema, dump_context
from tests.shared.builders import context_wire


def errors_of(wire: dict) -> dict:
    with pytest.raises(ValidationError) as caught:
        PatientContextSchema().load(wire)
    return caught.value.messages


def test_a_full_context_loads_and_dumps_back():
    wire = context_wire(
        lesions=[{"site": "femur_left", "type": "lytic", "cortical_involvement": "gt_two_thirds"}],
        medications=[
            {
                "medication": "pregabalin",
                "dose": 75.0,
                "unit": "mg",
                "route": "oral",
                "purpose": "scheduled",
                "since": "2026-11-01",
                "until": None,
            }
        ],
    )

    loaded = PatientContextSchema().load(wire)

    assert loaded.lesion_at("femur_left") == Lesion("femur_left", "lytic", "gt_two_thirds")
    assert dump_context(loaded) == wire


def test_replay_can_load_a_context_with_only_an_id():
    loaded = PatientContextSchema().load({"id": context_wire()["id"]}, partial=True)

    assert loaded.lesions == () and loaded.status == "active"


def test_unknown_status_lesion_codes_and_bad_time_zone_are_rejected():
    wire = context_wire(
        status="asleep",
        time_zone="not a zone!",
        lesions=[{"site": "femur_left", "type": "squishy", "cortical_involvement": "all"}],
    )

    messages = errors_of(wire)

    assert messages["status"][0].startswith("unknown status 'asleep'")
    assert messages["time_zone"] == [
        "time_zone must be an IANA time zone name such as Europe/London"
    ]
    assert set(messages["lesions"][0]) == {"type", "cortical_involvement"}


def test_a_helpline_over_40_characters_is_rejected():
    assert errors_of(context_wire(helpline="0" * 41))["helpline"] == [
        "helpline must be at most 40 characters"
    ]

from datetime import UTC, datetime, timedelta

import pytest
from marshmallow import ValidationError

from shared.records import Interference, PainReport
from shared.wire import PainReportSchema, dump_report
from tests.shared.builders import D, moment, report_wire, site


def errors_of(wire: dict, **schema_options) -> dict:
    with pytest.raises(ValidationError) as caught:
        PainReportSchema(**schema_options).load(wire)
    return caught.value.messages


def test_a_valid_report_loads_into_a_frozen_dataclass():
    wire = report_wire(
        D,
        site("spine_thoracic", 6, qualities=["aching", "band_like"], aggravated_by=["night"]),
        symptoms=["limb_weakness"],
        interference={"sleep": 3, "walking": 5, "activity": 4},
        note="worse at night",
    )

    loaded = PainReportSchema().load(wire)

    assert isinstance(loaded, PainReport)
    assert loaded.sites[0].score == 6
    assert loaded.sites[0].qualities == ("aching", "band_like")
    assert loaded.interference == Interference(sleep=3, walking=5, activity=4)
    assert loaded.day == D


def test_dumping_a_loaded_report_gives_back_the_wire_record():
    wire = report_wire(D, site("sacrum", 2), note="ok", interference={"sleep": 1})

    assert dump_report(PainReportSchema().load(wire)) == wire


def test_dump_leaves_out_optional_fields_that_are_empty():
    dumped = dump_report(PainReportSchema().load(report_wire(D)))

    assert "note" not in dumped and "interference" not in dumped


def test_a_report_without_sites_is_a_pain_free_check_in():
    assert PainReportSchema().load(report_wire(D)).sites == ()


def test_a_report_from_an_older_phone_without_pain_rated_rated_pain():
    assert PainReportSchema().load(report_wire(D, symptoms=["thirst"])).pain_rated is True


def test_symptoms_with_pain_not_rated_load_and_dump_as_sent():
    wire = report_wire(D, symptoms=["confusion_drowsiness"], pain_rated=False)

    loaded = PainReportSchema().load(wire)

    assert loaded.pain_rated is False and loaded.sites == ()
    assert dump_report(loaded) == wire


def test_pain_rated_true_is_left_out_of_the_dump_so_stored_bodies_stay_the_same():
    wire = report_wire(D, site("sacrum", 2))

    assert dump_report(PainReportSchema().load({**wire, "pain_rated": True})) == wire


def test_pain_not_rated_with_sites_is_rejected():
    messages = errors_of(report_wire(D, site("sacrum", 2), pain_rated=False))

    assert "may list no sites" in messages["pain_rated"][0]


@pytest.mark.parametrize("value", ["false", "no", None])
def test_pain_rated_must_be_true_or_false(value):
    messages = errors_of(report_wire(D, pain_rated=value))

    assert messages["pain_rated"] in (
        ["pain_rated must be true or false"],
        ["pain_rated may not be null"],
    )


@pytest.mark.parametrize("score", [-1, 11, 6.5, "6", True, None])
def test_scores_outside_whole_numbers_0_to_10_are_rejected(score):
    messages = errors_of(report_wire(D, {"site": "sacrum", "score": score}))

    assert messages["sites"][0]["score"] in (
        ["score must be a whole number from 0 to 10"],
        ["score may not be null"],
    )


def test_an_unknown_site_is_named_with_the_expected_codes():
    messages = errors_of(report_wire(D, site("femurr", 3)))

    (message,) = messages["sites"][0]["site"]
    assert message.startswith("unknown site 'femurr'; expected one of skull, jaw,")


def test_unknown_qualities_aggravators_and_symptoms_are_each_rejected():
    wire = report_wire(
        D, site("sacrum", 3, qualities=["fizzy"], aggravated_by=["dancing"]), symptoms=["hiccups"]
    )

    messages = errors_of(wire)

    assert "unknown quality 'fizzy'" in messages["sites"][0]["qualities"][0][0]
    assert "unknown aggravator 'dancing'" in messages["sites"][0]["aggravated_by"][0][0]
    assert "unknown symptom 'hiccups'" in messages["symptoms"][0][0]


def test_a_site_listed_twice_in_one_report_is_rejected():
    messages = errors_of(report_wire(D, site("sacrum", 3), site("sacrum", 5)))

    assert messages["sites"] == ["each site may appear once per report; repeated: sacrum"]


def test_a_time_without_utc_offset_is_rejected_with_an_example():
    wire = {**report_wire(D), "recorded_at": "2026-11-27T08:30:00"}

    (message,) = errors_of(wire)["recorded_at"]
    assert "has no UTC offset" in message and "+01:00" in message


@pytest.mark.parametrize("value", ["yesterday", "2026-13-40T08:00:00+01:00", 1732694400, ""])
def test_a_malformed_time_is_rejected(value):
    (message,) = errors_of({**report_wire(D), "recorded_at": value})["recorded_at"]

    assert "must be an ISO 8601 time with a UTC offset" in message or "no UTC offset" in message


def test_a_note_of_2000_characters_is_accepted_and_2001_rejected():
    PainReportSchema().load(report_wire(D, note="x" * 2000))

    messages = errors_of(report_wire(D, note="x" * 2001))

    assert messages["note"] == ["note must be at most 2000 characters"]


def test_unknown_fields_are_rejected_by_name_with_the_expected_fields():
    messages = errors_of(report_wire(D, mood="grumpy"))

    (message,) = messages["mood"]
    assert message.startswith("unknown field; wire format v1 expects only: id, recorded_at")


def test_every_bad_field_gets_its_own_message():
    wire = {**report_wire(D, note="x" * 2001), "id": "not-a-uuid", "revision": 0, "deleted": "no"}

    messages = errors_of(wire)

    assert messages == {
        "id": ["id must be a UUID"],
        "revision": ["revision must be a whole number from 1 to 1,000,000"],
        "deleted": ["deleted must be true or false"],
        "note": ["note must be at most 2000 characters"],
    }


def test_missing_required_fields_are_named():
    messages = errors_of({})

    assert messages["recorded_at"] == ["recorded_at is required"]
    assert "sites is required" in messages["sites"][0]


def test_a_time_26_hours_ahead_of_the_server_is_accepted():
    now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    wire = {**report_wire(D), "recorded_at": (now + timedelta(hours=26)).isoformat()}

    assert PainReportSchema(now=now).load(wire).recorded_at == now + timedelta(hours=26)


def test_a_time_more_than_26_hours_ahead_of_the_server_is_rejected():
    now = moment(D, 8)
    wire = {**report_wire(D), "recorded_at": (now + timedelta(hours=27)).isoformat()}

    (message,) = errors_of(wire, now=now)["recorded_at"]
    assert "27 h ahead of the server clock" in message


def test_a_schema_refuses_a_naive_clock():
    with pytest.raises(ValueError, match="aware"):
        PainReportSchema(now=datetime(2026, 11, 27, 8, 0))

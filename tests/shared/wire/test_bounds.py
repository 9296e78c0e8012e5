"""What the server can store and the engine can compute with: times, revisions and text bounds.

Anything these schemas pass must be safe for the history window and the engine, on the phone
and on the server alike, so the property test feeds the edges of the valid range to both.
"""

from datetime import UTC, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from marshmallow import ValidationError

from shared.config import RulesConfig
from shared.engine import evaluate
from shared.history import PatientHistory, required_window
from shared.rules import EVENT_RULES, TIME_BASED_RULES
from shared.wire import DoseSchema, PainReportSchema
from shared.wire.fields import EARLIEST_TIME, LATEST_TIME
from tests.shared.builders import D, dose_wire, report_wire, site


def errors_of(schema, wire):
    with pytest.raises(ValidationError) as refused:
        schema.load(wire)
    return refused.value.messages


@pytest.mark.parametrize(
    "recorded_at",
    ["0001-01-01T00:00:00+23:59", "1999-12-31T23:59:59+00:00", "2000-01-01T05:00:00+06:00"],
)
def test_a_time_before_the_year_2000_is_refused_with_a_sentence(recorded_at):
    wire = {**report_wire(D), "recorded_at": recorded_at}

    assert errors_of(PainReportSchema(), wire) == {
        "recorded_at": ["recorded_at is before the year 2000; check the date and time on the phone"]
    }


def test_a_time_after_2099_is_refused_even_without_a_clock_to_compare():
    wire = {**dose_wire(D), "taken_at": "9999-12-31T23:59:59-23:59"}

    assert errors_of(DoseSchema(), wire) == {
        "taken_at": ["taken_at is after the year 2099; check the date on the phone"]
    }


@pytest.mark.parametrize("revision", [0, 1_000_001, 2**31, 2**63])
def test_a_revision_outside_one_to_a_million_is_refused(revision):
    assert errors_of(PainReportSchema(), report_wire(D, revision=revision)) == {
        "revision": ["revision must be a whole number from 1 to 1,000,000"]
    }


@pytest.mark.parametrize(
    ("note", "says"),
    [("woke at 3am \ud800", "lone UTF-16 surrogate"), ("legs\x1b wobbly", "control character")],
)
def test_a_note_that_cannot_be_stored_is_refused(note, says):
    (message,) = errors_of(PainReportSchema(), report_wire(D, note=note))["note"]

    assert says in message and message.startswith("note holds")


def test_a_note_keeps_its_tabs_newlines_and_emoji():
    note = "woke at 3am\n\tlegs wobbly \U0001f61f"

    assert PainReportSchema().load(report_wire(D, note=note)).note == note


offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
edge_instants = st.sampled_from([EARLIEST_TIME, LATEST_TIME - timedelta(seconds=1)]) | st.datetimes(
    min_value=EARLIEST_TIME.replace(tzinfo=None), max_value=LATEST_TIME.replace(tzinfo=None)
).map(lambda naive: naive.replace(tzinfo=UTC))


@given(instant=edge_instants, offset=offsets)
def test_any_time_the_schemas_pass_is_safe_for_the_window_and_the_engine(instant, offset):
    if instant >= LATEST_TIME:
        instant = LATEST_TIME - timedelta(seconds=1)
    local = instant.astimezone(offset)
    when = local.isoformat()
    report = PainReportSchema().load(
        {
            **report_wire(D, site("spine_thoracic", 8), symptoms=["limb_weakness"]),
            "recorded_at": when,
        }
    )
    dose = DoseSchema().load({**dose_wire(D), "taken_at": when})
    history = PatientHistory.build([report], [dose], [])

    required_window([], local)
    for rules in (EVENT_RULES, TIME_BASED_RULES):
        evaluate(history, local, RulesConfig(), rules=rules)
        evaluate(history, local + timedelta(hours=26), RulesConfig(), rules=rules)

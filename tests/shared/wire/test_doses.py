import pytest
from marshmallow import ValidationError

from shared.wire import DoseSchema, dump_dose
from tests.shared.builders import D, dose_wire


def errors_of(wire: dict) -> dict:
    with pytest.raises(ValidationError) as caught:
        DoseSchema().load(wire)
    return caught.value.messages


def test_a_valid_dose_loads_and_dumps_back():
    wire = dose_wire(D, "oxycodone", 5.0)

    loaded = DoseSchema().load(wire)

    assert (loaded.medication, loaded.dose, loaded.purpose) == ("oxycodone", 5.0, "breakthrough")
    assert dump_dose(loaded) == wire


@pytest.mark.parametrize(
    "amount",
    [0, -5, "five", "10", float("nan"), float("inf"), 1e308, 10**400, -(10**400), 1_000_001, True],
)
def test_a_dose_must_be_a_json_number_above_zero_and_at_most_a_million(amount):
    assert errors_of(dose_wire(D, amount=amount))["dose"] == [
        "dose must be a number above 0 and at most 1,000,000"
    ]


def test_a_dose_of_a_million_is_the_largest_accepted():
    assert DoseSchema().load(dose_wire(D, "morphine", 1_000_000)).dose == 1_000_000


def test_unknown_medication_unit_route_and_purpose_are_each_rejected():
    wire = dose_wire(D, "unobtainium", unit="spoon", route="ear", purpose="fun")

    messages = errors_of(wire)

    assert set(messages) == {"medication", "unit", "route", "purpose"}
    assert messages["route"][0].startswith("unknown route 'ear'; expected one of oral, sc, iv")


def test_an_opioid_in_ml_is_rejected_because_it_cannot_be_converted_to_ome():
    (message,) = errors_of(dose_wire(D, "morphine", 10, unit="ml"))["unit"]

    assert "morphine doses must be given in mg or mcg" in message


def test_a_fentanyl_patch_is_logged_as_its_rate_in_mcg_per_hour():
    DoseSchema().load(dose_wire(D, "fentanyl_patch", 25, unit="mcg/h", route="transdermal"))

    assert "mcg/h" in errors_of(dose_wire(D, "fentanyl_patch", 25, unit="mcg"))["unit"][0]


def test_a_non_opioid_may_be_logged_in_ml():
    assert DoseSchema().load(dose_wire(D, "paracetamol", 10, unit="ml")).unit == "ml"


def test_unknown_dose_fields_are_rejected():
    assert "strength" in errors_of(dose_wire(D, strength="strong"))


def test_a_naive_taken_at_is_rejected():
    (message,) = errors_of({**dose_wire(D), "taken_at": "2026-11-27T08:00:00"})["taken_at"]

    assert "no UTC offset" in message

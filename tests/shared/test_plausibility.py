from pathlib import Path

import pytest

from shared.config import DEFAULT_CONFIG, RulesConfig
from shared.plausibility import confirmation_question, exceeds_limit, is_implausible
from shared.vocab import MEDICATIONS
from shared.vocab.dose_limits import DOSE_LIMITS, limits_markdown
from tests.shared.builders import D, dose

ROOT = Path(__file__).resolve().parents[2]


def test_every_medication_has_a_limit_with_a_source():
    assert set(MEDICATIONS) <= set(DOSE_LIMITS)
    assert all(limit.source and limit.largest > 0 for limit in DOSE_LIMITS.values())


def test_morphine_100000_mg_is_implausible():
    assert is_implausible(dose(D, "morphine", 100_000), DEFAULT_CONFIG)


@pytest.mark.parametrize(
    ("medication", "amount", "unit", "route"),
    [
        ("morphine", 2000, "mg", "oral"),
        ("morphine", 1000, "mg", "sc"),
        ("oxycodone", 5, "mg", "oral"),
        ("fentanyl_patch", 100, "mcg/h", "transdermal"),
        ("fentanyl_buccal", 800, "mcg", "buccal"),
        ("paracetamol", 1000, "mg", "oral"),
    ],
)
def test_doses_up_to_the_limit_are_plausible(medication, amount, unit, route):
    assert not exceeds_limit(medication, amount, unit, route, DEFAULT_CONFIG)


def test_parenteral_morphine_has_its_own_lower_limit():
    assert exceeds_limit("morphine", 1500, "mg", "sc", DEFAULT_CONFIG)
    assert not exceeds_limit("morphine", 1500, "mg", "oral", DEFAULT_CONFIG)


def test_a_dose_in_mcg_is_compared_with_a_limit_in_mg():
    assert exceeds_limit("hydromorphone", 500_000, "mcg", "oral", DEFAULT_CONFIG)
    assert not exceeds_limit("hydromorphone", 500, "mcg", "oral", DEFAULT_CONFIG)


def test_a_dose_in_ml_is_not_judged_without_the_liquids_strength():
    assert not exceeds_limit("paracetamol", 900_000, "ml", "oral", DEFAULT_CONFIG)


def test_a_configured_limit_replaces_the_default():
    config = RulesConfig.from_dict({"dose_limits": {"oxycodone": 100}})

    assert is_implausible(dose(D, "oxycodone", 120), config)
    assert not is_implausible(dose(D, "oxycodone", 120), DEFAULT_CONFIG)


def test_the_question_shows_the_amount_as_typed():
    assert confirmation_question(100_000, "mg") == (
        "Is 100000 mg right? That is far above usual doses"
    )


def test_docs_dose_limits_md_is_the_tables_current_output():
    assert (ROOT / "docs" / "dose-limits.md").read_text() == limits_markdown(), (
        "docs/dose-limits.md is stale: regenerate it as its first paragraph says"
    )

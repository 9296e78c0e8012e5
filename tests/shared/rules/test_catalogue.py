import subprocess
import sys

from shared.rules import RULES, Tier
from shared.rules.catalogue import catalogue_markdown, tier_and_trigger
from tests.conftest import ROOT


def test_docs_rules_md_is_the_printers_current_output():
    printed = subprocess.run(
        [sys.executable, "-m", "shared.rules"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert (ROOT / "docs" / "rules.md").read_text() == printed, (
        "docs/rules.md is stale: run `python -m shared.rules > docs/rules.md`"
    )


def test_the_catalogue_lists_every_rule_with_id_version_tier_and_source():
    lines = catalogue_markdown(RULES).splitlines()
    rows = [line for line in lines if line.startswith("| ") and "`" in line]

    assert len(rows) == 18
    assert rows[9].startswith("| 10 | `opioid_escalation` | 1 | priority | for the patient: ")
    assert rows[9].endswith(
        "| consensus 25 % OME change (Chow 2012); CDC 2022 factors; window [design] |"
    )


def test_every_docstring_opens_with_a_tier_of_the_catalogue():
    tiers = tuple(tier.value for tier in Tier)

    for registered in RULES:
        tier, trigger = tier_and_trigger(registered)
        assert tier.startswith(tiers) and trigger, registered.id


def test_a_tier_with_a_condition_keeps_its_brackets():
    by_id = {registered.id: registered for registered in RULES}

    assert tier_and_trigger(by_id["possible_hypocalcaemia"])[0] == (
        "urgent (emergency with a seizure)"
    )


def test_the_catalogue_defines_logged_days_and_check_in_days_from_the_history():
    text = catalogue_markdown(RULES)
    definitions = text[text.index("## Definitions") :].splitlines()
    terms = [line.split("**")[1] for line in definitions if line.startswith("- **")]

    assert terms == ["Check-in day", "Logged day", "Daily score(site, day)", "Same-day rules"]
    (logged,) = [line for line in definitions if line.startswith("- **Logged day**")]
    assert "`pain_rated: false`" in logged and "like a day without a report" in logged


def test_rule_8_version_2_needs_a_baseline_of_2_for_no_partial_response():
    (row,) = [
        line for line in catalogue_markdown(RULES).splitlines() if "post_rt_non_response" in line
    ]

    assert row.startswith("| 8 | `post_rt_non_response` | 2 | priority |")
    assert "only when the pre-RT baseline is >= 2" in row

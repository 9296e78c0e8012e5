from shared.config import RulesConfig
from shared.rules.base import Tier
from shared.rules.opioids import opioid_escalation
from tests.shared.builders import D, day, dose, regular, run_rule, span

# 40 mg/day of morphine from D-14: the baseline OME of D-2, D-1 and D is 40 mg/day.
STEADY = span(-14, -3)


def steady(amount=40, days=STEADY):
    return regular(days, amount=amount)


def test_ome_a_quarter_above_baseline_on_three_days_running_is_priority():
    (finding,) = run_rule(opioid_escalation, D, steady(), regular(span(-2, 0), amount=50))

    assert finding.tier is Tier.PRIORITY and finding.site is None
    assert "OME 50, 50, 50 mg/day on 2026-11-25 to 2026-11-27" in finding.explanation
    assert "baselines of 40, 40, 40 mg/day" in finding.explanation
    assert len(finding.evidence) == 3


def test_ome_just_under_a_quarter_above_baseline_does_not_fire():
    assert run_rule(opioid_escalation, D, steady(), regular(span(-2, 0), amount=49.9)) == []


def test_two_raised_days_are_not_enough():
    records = [steady(), regular([day(-2)], amount=40), regular(span(-1, 0), amount=60)]

    assert run_rule(opioid_escalation, D, *records) == []


def test_the_number_of_raised_days_is_configurable():
    records = [steady(), regular([day(-2)], amount=40), regular(span(-1, 0), amount=60)]

    config = RulesConfig(opioid_escalation_days=2)

    assert run_rule(opioid_escalation, D, *records, config=config)


def test_double_the_baseline_on_one_day_is_priority():
    records = [steady(days=span(-14, -1)), regular([D], amount=40), dose(D, "morphine", 40)]

    (finding,) = run_rule(opioid_escalation, D, *records)

    assert "OME 80 mg/day on 2026-11-27, 2 x the baseline of 40 mg/day" in finding.explanation
    assert len(finding.evidence) == 2


def test_just_under_double_on_one_day_does_not_fire():
    records = [steady(days=span(-14, -1)), regular([D], amount=79.9)]

    assert run_rule(opioid_escalation, D, *records) == []


def test_no_baseline_without_four_days_of_opioid_in_d_minus_10_to_d_minus_4():
    records = [regular(span(-7, -4), amount=10)[1:], regular(span(-2, 0), amount=100)]

    assert run_rule(opioid_escalation, D, *records) == []


def test_each_day_is_compared_with_its_own_baseline():
    # The climb from D-9 lifts the baselines of D-2..D, so 60 is no longer a quarter above.
    records = [regular(span(-14, -10), amount=40), regular(span(-9, 0), amount=60)]

    assert run_rule(opioid_escalation, D, *records) == []


def test_methadone_is_not_converted_and_cannot_escalate():
    records = [steady(), regular(span(-2, 0), "methadone", 200)]

    assert run_rule(opioid_escalation, D, *records) == []


def test_an_implausible_dose_does_not_raise_opioid_escalation():
    records = [steady(), regular(span(-2, 0), amount=40), regular([D], amount=100_000)]
    no_limit = RulesConfig.from_dict({"dose_limits": {"morphine": 1_000_000}})

    assert run_rule(opioid_escalation, D, *records) == []
    assert run_rule(opioid_escalation, D, *records, config=no_limit)

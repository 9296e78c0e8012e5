from shared.rules.base import Tier
from shared.rules.neuropathic import neuropathic_features
from tests.shared.builders import D, context, day, dose, report, run_rule, site, span

BURNING_SHOOTING = ("burning", "shooting")


def neuropathic(days, score=4, qualities=BURNING_SHOOTING, code="ribs_left"):
    return [report(on, site(code, score, qualities=qualities)) for on in days]


def planned(medication, until=None):
    return {
        "medication": medication,
        "purpose": "scheduled",
        "since": day(-60).isoformat(),
        "until": until and until.isoformat(),
    }


def test_two_neuropathic_qualities_on_three_of_seven_days_is_routine():
    (finding,) = run_rule(neuropathic_features, D, neuropathic([day(-6), day(-3), D]))

    assert finding.tier is Tier.ROUTINE and finding.site == "ribs_left"
    assert "described as burning, shooting on 3 of the last 7 days (up to 4/10)" in (
        finding.explanation
    )
    assert len(finding.evidence) == 3


def test_a_score_of_7_on_one_of_those_days_makes_it_priority():
    records = neuropathic([day(-2), day(-1)]) + neuropathic([D], score=7)

    (finding,) = run_rule(neuropathic_features, D, records)

    assert finding.tier is Tier.PRIORITY


def test_two_such_days_are_not_enough():
    assert run_rule(neuropathic_features, D, neuropathic([day(-1), D])) == []


def test_a_day_before_d_minus_6_does_not_count():
    assert run_rule(neuropathic_features, D, neuropathic([day(-7), day(-1), D])) == []


def test_one_neuropathic_quality_is_not_enough():
    records = neuropathic(span(-2, 0), qualities=("burning", "aching"))

    assert run_rule(neuropathic_features, D, records) == []


def test_two_reports_of_one_day_together_give_two_qualities():
    records = [
        *neuropathic(span(-2, -1)),
        report(D, site("ribs_left", 3, qualities=["tingling"]), hour=8),
        report(D, site("ribs_left", 3, qualities=["touch_evoked"]), hour=20),
    ]

    (finding,) = run_rule(neuropathic_features, D, records)

    assert "3 of the last 7 days" in finding.explanation


def test_a_neuropathic_agent_dosed_in_the_last_14_days_silences_it():
    taken = dose(day(-13), "gabapentin", 300, purpose="scheduled")

    assert run_rule(neuropathic_features, D, neuropathic(span(-2, 0)), taken) == []


def test_a_neuropathic_agent_dosed_15_days_ago_does_not():
    taken = dose(day(-14), "gabapentin", 300, purpose="scheduled")

    assert run_rule(neuropathic_features, D, neuropathic(span(-2, 0)), taken)


def test_a_neuropathic_agent_in_the_plan_silences_it():
    patient = context(medications=[planned("pregabalin")])

    assert run_rule(neuropathic_features, D, neuropathic(span(-2, 0)), patient=patient) == []


def test_a_plan_entry_that_ended_before_the_last_14_days_does_not():
    patient = context(medications=[planned("pregabalin", until=day(-14))])

    assert run_rule(neuropathic_features, D, neuropathic(span(-2, 0)), patient=patient)

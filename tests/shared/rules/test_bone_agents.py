from shared.rules.base import Tier
from shared.rules.bone_agents import acute_phase_reaction, possible_mronj
from tests.shared.builders import D, bone_agent, context, day, dose, report, run_rule, site


def test_a_loose_tooth_after_denosumab_is_priority():
    given = bone_agent("denosumab", day(-90))
    tooth = report(D, symptoms=["loose_tooth"])

    (finding,) = run_rule(possible_mronj, D, given, tooth)

    assert finding.tier is Tier.PRIORITY and finding.site is None
    assert finding.explanation == (
        "a loose tooth reported on 2026-11-27, after denosumab given 2026-08-29"
    )
    assert finding.evidence == (tooth.id, given.id)


def test_jaw_pain_after_a_zoledronic_acid_dose_record_is_priority():
    given = dose(day(-400), "zoledronic_acid", 4, route="iv", purpose="scheduled")

    (finding,) = run_rule(possible_mronj, D, given, report(D, site("jaw", 1)))

    assert "jaw pain 1/10 reported on 2026-11-27, after zoledronic acid" in finding.explanation


def test_a_bone_agent_in_the_plan_is_enough():
    patient = context(
        medications=[{"medication": "denosumab", "purpose": "scheduled", "since": "2026-01-01"}]
    )

    (finding,) = run_rule(possible_mronj, D, report(D, symptoms=["numb_lip_chin"]), patient=patient)

    assert "with denosumab in the medication plan" in finding.explanation


def test_jaw_symptoms_without_any_bone_agent_do_not_fire():
    assert run_rule(possible_mronj, D, report(D, site("jaw", 5), symptoms=["loose_tooth"])) == []


def test_jaw_symptoms_on_an_earlier_day_do_not_fire_on_d():
    given = bone_agent("denosumab", day(-90))

    assert run_rule(possible_mronj, D, given, report(day(-1), symptoms=["loose_tooth"])) == []


def test_a_jaw_scored_0_does_not_fire():
    given = bone_agent("denosumab", day(-90))

    assert run_rule(possible_mronj, D, given, report(D, site("jaw", 0))) == []


def test_a_bone_agent_started_after_d_does_not_count():
    later = bone_agent("denosumab", day(1))

    assert run_rule(possible_mronj, D, later, report(D, symptoms=["loose_tooth"])) == []


def fever_after(days, kind="bisphosphonate", **details):
    given = bone_agent(kind, day(-days), **details)
    return run_rule(acute_phase_reaction, D, given, report(D, symptoms=["fever_aches"]))


def test_fever_and_aches_three_days_after_a_bisphosphonate_is_info():
    (finding,) = fever_after(3, agent="zoledronic_acid")

    assert finding.tier is Tier.INFO
    assert finding.explanation == (
        "fever and aches reported on 2026-11-27, 3 days after zoledronic acid given 2026-11-24"
    )


def test_fever_and_aches_on_the_day_of_the_infusion_is_info():
    assert fever_after(0)


def test_fever_and_aches_four_days_after_do_not_fire():
    assert fever_after(4) == []


def test_fever_and_aches_after_denosumab_do_not_fire():
    assert fever_after(1, "denosumab") == []


def test_a_pamidronate_dose_record_counts_as_a_bisphosphonate():
    given = dose(day(-1), "pamidronate", 90, route="iv", purpose="scheduled")

    assert run_rule(acute_phase_reaction, D, given, report(D, symptoms=["fever_aches"]))

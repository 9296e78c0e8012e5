from shared.rules.base import Tier
from shared.rules.red_flags import inability_to_bear_weight, mscc_neuro_red_flag
from tests.shared.builders import D, day, report, run_rule


def test_a_neurological_symptom_today_is_an_emergency_even_without_pain():
    weak = report(D, symptoms=["limb_weakness", "numbness_saddle"])

    (finding,) = run_rule(mscc_neuro_red_flag, D, weak)

    assert finding.tier is Tier.EMERGENCY and finding.site is None
    assert finding.evidence == (weak.id,)
    assert "weakness in the arms or legs" in finding.explanation
    assert "numbness around the buttocks or genitals" in finding.explanation
    assert finding.citation == "NICE NG234 (2023); NICE CG75 (2008)"


def test_a_neurological_symptom_reported_yesterday_does_not_fire_today():
    assert run_rule(mscc_neuro_red_flag, D, report(day(-1), symptoms=["difficulty_walking"])) == []


def test_other_symptoms_do_not_raise_the_spinal_cord_flag():
    assert run_rule(mscc_neuro_red_flag, D, report(D, symptoms=["thirst", "constipation"])) == []


def test_cannot_bear_weight_today_is_an_emergency():
    unable = report(D, symptoms=["cannot_bear_weight"])

    (finding,) = run_rule(inability_to_bear_weight, D, unable)

    assert finding.tier is Tier.EMERGENCY
    assert finding.rule == "inability_to_bear_weight" and finding.evidence == (unable.id,)


def test_cannot_bear_weight_only_counts_on_its_own_day():
    assert (
        run_rule(inability_to_bear_weight, D, report(day(-1), symptoms=["cannot_bear_weight"]))
        == []
    )

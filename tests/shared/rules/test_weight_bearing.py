from shared.rules.base import Tier
from shared.rules.mirels import mirels_score
from shared.rules.weight_bearing import functional_pain_weight_bearing
from tests.shared.builders import D, context, day, report, run_rule, site

LOADED = {"aggravated_by": ["weight_bearing"]}


def loaded(on, code="femur_left", score=5):
    return report(on, site(code, score, **LOADED))


def plain(on, code="femur_left", score=5):
    return report(on, site(code, score))


def test_weight_bearing_pain_on_two_of_the_last_three_pain_days_is_urgent():
    records = [loaded(day(-2)), plain(day(-1)), loaded(D, score=6)]

    (finding,) = run_rule(functional_pain_weight_bearing, D, *records)

    assert finding.tier is Tier.URGENT and finding.site == "femur_left"
    assert "on 2 of its last 3 days with pain (up to 6/10)" in finding.explanation
    assert finding.evidence == (records[0].id, records[2].id)


def test_two_pain_days_both_on_weight_bearing_suffice():
    assert run_rule(functional_pain_weight_bearing, D, loaded(day(-10)), loaded(D))


def test_weight_bearing_pain_on_only_one_of_the_last_three_does_not_fire():
    records = [loaded(day(-3)), loaded(day(-2)), plain(day(-1)), plain(D)]

    assert run_rule(functional_pain_weight_bearing, D, *records) == []


def test_pain_free_days_do_not_count_among_the_last_three():
    records = [loaded(day(-3)), report(day(-2)), report(day(-1)), loaded(D)]

    assert run_rule(functional_pain_weight_bearing, D, *records)


def test_a_site_that_is_not_weight_bearing_does_not_fire():
    assert (
        run_rule(
            functional_pain_weight_bearing, D, loaded(day(-1), "ribs_left"), loaded(D, "ribs_left")
        )
        == []
    )


def test_the_mirels_score_is_stated_when_the_lesion_is_described():
    patient = context(
        lesions=[{"site": "femur_left", "type": "lytic", "cortical_involvement": "gt_two_thirds"}]
    )

    (finding,) = run_rule(
        functional_pain_weight_bearing, D, loaded(day(-1)), loaded(D), patient=patient
    )

    assert "Mirels score 11 (9 or more: prophylactic fixation indicated)" in finding.explanation


def test_no_mirels_score_for_the_pelvis_or_an_undescribed_lesion():
    patient = context(
        lesions=[{"site": "pelvis", "type": "lytic", "cortical_involvement": "lt_third"}]
    )

    (finding,) = run_rule(
        functional_pain_weight_bearing,
        D,
        loaded(day(-1), "pelvis"),
        loaded(D, "pelvis"),
        patient=patient,
    )

    assert "Mirels" not in finding.explanation


def test_mirels_points_follow_the_table():
    from shared.records import Lesion

    assert mirels_score("humerus_left", Lesion("humerus_left", "blastic", "lt_third")) == 6
    assert mirels_score("hip_right", Lesion("hip_right", "mixed", "third_to_two_thirds")) == 10
    assert mirels_score("tibia_left", Lesion("tibia_left", "lytic", None)) is None

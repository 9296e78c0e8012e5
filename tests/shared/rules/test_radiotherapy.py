from datetime import timedelta

from shared.rules.base import Tier
from shared.rules.radiotherapy import post_rt_non_response, post_rt_pain_flare
from tests.shared.builders import (
    day,
    radiotherapy,
    regular,
    report,
    run_rule,
    same_score,
    scores,
    site,
    span,
)

# A single fraction given 20 days before D, after a week of pain around 4/10.
COURSE_START = day(-20)


def days_after_end(n):
    return COURSE_START + timedelta(days=n)


def course(ended_on=COURSE_START):
    return radiotherapy(["femur_left"], COURSE_START, ended_on)


def before_treatment(score=4):
    return same_score("femur_left", score, [day(-27), day(-25), day(-22)])


def flare_on(on, score, *extra, ended_on=COURSE_START):
    return run_rule(
        post_rt_pain_flare,
        on,
        course(ended_on),
        before_treatment(),
        report(on, site("femur_left", score)),
        *extra,
    )


def test_pain_two_points_above_the_pre_rt_baseline_in_the_flare_window_is_info():
    (finding,) = flare_on(day(-15), 6)

    assert finding.tier is Tier.INFO and finding.site == "femur_left"
    assert "pain 6/10 against 4/10 before radiotherapy" in finding.explanation


def test_a_flare_scoring_8_or_more_is_priority():
    (finding,) = flare_on(day(-15), 8)

    assert finding.tier is Tier.PRIORITY


def test_pain_one_point_above_the_baseline_is_no_flare():
    assert flare_on(day(-15), 5) == []


def test_ended_on_plus_10_is_the_last_day_of_the_flare_window():
    assert flare_on(days_after_end(10), 7)
    assert flare_on(days_after_end(11), 7) == []


def test_a_flare_needs_a_pre_rt_baseline_of_three_logged_days():
    records = [
        course(),
        same_score("femur_left", 4, [day(-27), day(-25)]),
        report(day(-15), site("femur_left", 7)),
    ]

    assert run_rule(post_rt_pain_flare, day(-15), *records) == []


def test_more_opioid_with_pain_held_is_a_flare():
    opioid_before = regular(span(-27, -21), amount=40)
    opioid_now = regular([day(-15)], amount=60)

    (finding,) = flare_on(day(-15), 4, opioid_before, opioid_now)

    assert "OME 60 mg/day against 40 before treatment" in finding.explanation


def test_a_pain_rise_while_the_opioid_was_cut_by_more_than_a_quarter_is_no_flare():
    opioid_before = regular(span(-27, -21), amount=40)
    opioid_now = regular([day(-15)], amount=20)

    assert flare_on(day(-15), 6, opioid_before, opioid_now) == []


def non_response_on(on, recent_score, *extra, baseline=5):
    recent = same_score("femur_left", recent_score, [on - timedelta(days=n) for n in range(3)])
    return run_rule(post_rt_non_response, on, course(), before_treatment(baseline), recent, *extra)


def test_pain_worse_than_before_after_the_flare_window_is_priority():
    (finding,) = non_response_on(days_after_end(11), 7)

    assert finding.tier is Tier.PRIORITY
    assert (
        "worse than before radiotherapy: mean 7/10 over the last 7 days against 5/10"
        in finding.explanation
    )


def test_inside_the_flare_window_worse_pain_is_not_non_response():
    assert non_response_on(days_after_end(10), 7) == []


def test_ended_on_plus_35_is_the_last_day_non_response_is_looked_for():
    assert non_response_on(days_after_end(35), 7)
    assert non_response_on(days_after_end(36), 7) == []


def test_from_day_28_pain_not_down_by_2_is_no_partial_response():
    (finding,) = non_response_on(days_after_end(28), 4)

    assert "no partial response 28 days after radiotherapy" in finding.explanation


def test_before_day_28_unchanged_pain_is_not_yet_non_response():
    assert non_response_on(days_after_end(27), 4) == []


def test_pain_down_by_2_is_a_partial_response():
    assert non_response_on(days_after_end(30), 3) == []


def test_a_reduced_opioid_dose_means_no_non_response_finding():
    opioid_before = regular(span(-27, -21), amount=40)
    on = days_after_end(30)

    assert non_response_on(on, 7, opioid_before, regular([on], amount=30)) == []
    assert non_response_on(on, 7, opioid_before, regular([on], amount=31))


def test_the_rule_is_version_2():
    assert post_rt_non_response.version == 2


def test_with_a_baseline_below_2_pain_at_2_a_month_later_raises_nothing():
    # 2/10 against 1/10: a reduction of 2 is impossible, so response is not assessable.
    for on in (days_after_end(28), days_after_end(35)):
        assert non_response_on(on, 2, baseline=1) == []


def test_with_a_baseline_below_2_pain_2_points_up_is_still_progression():
    (finding,) = non_response_on(days_after_end(30), 3, baseline=1)

    assert finding.tier is Tier.PRIORITY
    assert "worse than before radiotherapy: mean 3/10" in finding.explanation
    assert "against 1/10 before treatment" in finding.explanation


def test_a_baseline_of_0_raises_only_progression():
    assert non_response_on(days_after_end(30), 1, baseline=0) == []
    assert non_response_on(days_after_end(30), 2, baseline=0)


def test_from_a_baseline_of_exactly_2_response_is_assessed():
    (finding,) = non_response_on(days_after_end(28), 1, baseline=2)

    assert "no partial response 28 days after radiotherapy" in finding.explanation
    assert non_response_on(days_after_end(28), 0, baseline=2) == []


def test_a_median_baseline_of_1_5_is_below_2_and_not_assessable():
    before = scores("femur_left", {day(-27): 1, day(-25): 2, day(-23): 1, day(-22): 2})
    on = days_after_end(30)
    recent = same_score("femur_left", 2, [on - timedelta(days=n) for n in range(3)])

    assert run_rule(post_rt_non_response, on, course(), before, recent) == []


def test_a_symptoms_only_check_in_is_no_day_of_the_recent_mean_nor_its_evidence():
    on = days_after_end(30)
    rated = same_score("femur_left", 7, [on - timedelta(days=n) for n in (1, 2, 3)])
    unrated = report(on, symptoms=["nausea_vomiting"], pain_rated=False)

    (finding,) = run_rule(post_rt_non_response, on, course(), before_treatment(5), rated, unrated)

    assert "mean 7/10 over the last 7 days" in finding.explanation
    assert set(finding.evidence) == {r.id for r in rated}

from shared.rules.base import Tier
from shared.rules.severe import severe_or_worsening_pain
from tests.shared.builders import (
    D,
    day,
    radiotherapy,
    report,
    run_rule,
    same_score,
    scores,
    site,
    span,
)


def severe(by_day, *extra, code="hip_left"):
    return run_rule(severe_or_worsening_pain, D, scores(code, by_day), *extra)


def test_pain_7_on_two_consecutive_days_is_priority():
    (finding,) = severe({day(-1): 7, D: 8})

    assert finding.tier is Tier.PRIORITY and finding.site == "hip_left"
    assert "left hip pain 7/10 and 8/10 on 2 consecutive days" in finding.explanation


def test_pain_7_then_6_does_not_fire():
    assert severe({day(-1): 7, D: 6}) == []


def test_pain_7_with_a_day_not_logged_between_does_not_fire():
    assert severe({day(-2): 7, D: 7}) == []


def test_a_score_of_9_on_d_is_urgent():
    (finding,) = severe({day(-1): 7, D: 9})

    assert finding.tier is Tier.URGENT


def rising(base, recent):
    return dict.fromkeys(span(-20, -7), base) | dict.fromkeys(span(-2, 0), recent)


def test_a_rise_of_2_that_is_30_percent_of_baseline_is_priority():
    (finding,) = severe(rising(3, 5))

    assert finding.tier is Tier.PRIORITY
    assert (
        "left hip pain up 2 points (67 %): mean 5/10 over the last 7 days against a baseline "
        "of 3/10" in finding.explanation
    )
    assert len(finding.evidence) == 3


def test_a_rise_of_2_under_30_percent_of_baseline_does_not_fire():
    # Every other day, so no two consecutive days of 7 or more either.
    by_day = dict.fromkeys(span(-20, -7), 7) | dict.fromkeys([day(-6), day(-4), day(-2)], 9)

    assert severe(by_day) == []


def test_a_rise_under_2_does_not_fire():
    assert severe(rising(3, 4)) == []


def test_a_rise_from_a_baseline_of_0_does_not_fire():
    assert severe(rising(0, 3)) == []


def test_a_new_site_scoring_7_is_priority():
    records = [same_score("hip_left", 2, span(-20, -1)), report(D, site("ribs_left", 7))]

    (finding,) = run_rule(severe_or_worsening_pain, D, *records)

    assert finding.site == "ribs_left"
    assert "left ribs pain 7/10 at a site free of pain for the last 28 days" in (
        finding.explanation
    )


def test_a_new_site_scoring_6_does_not_fire():
    records = [same_score("hip_left", 2, span(-20, -1)), report(D, site("ribs_left", 6))]

    assert run_rule(severe_or_worsening_pain, D, *records) == []


def test_inside_a_radiotherapy_window_it_drops_to_routine():
    course = radiotherapy(["hip_left"], day(-5), day(-5))

    (finding,) = severe({day(-1): 7, D: 8}, course)

    assert finding.tier is Tier.ROUTINE
    assert "inside the radiotherapy flare window" in finding.explanation


def test_inside_a_radiotherapy_window_a_score_of_9_stays_urgent():
    course = radiotherapy(["hip_left"], day(-5), day(-5))

    (finding,) = severe({day(-1): 7, D: 9}, course)

    assert finding.tier is Tier.URGENT


def test_radiotherapy_to_another_site_does_not_drop_the_tier():
    course = radiotherapy(["femur_left"], day(-5), day(-5))

    (finding,) = severe({day(-1): 7, D: 8}, course)

    assert finding.tier is Tier.PRIORITY


def test_the_window_ends_ten_days_after_the_course():
    course = radiotherapy(["hip_left"], day(-11), day(-11))

    (finding,) = severe({day(-1): 7, D: 8}, course)

    assert finding.tier is Tier.PRIORITY

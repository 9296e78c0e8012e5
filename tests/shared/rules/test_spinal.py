from shared.rules.base import Tier
from shared.rules.spinal import spinal_pain_red_flag
from tests.shared.builders import D, day, report, run_rule, same_score, scores, site, span

PAIN_FREE_WEEK = span(-28, -22)


def test_new_thoracic_pain_of_3_is_urgent():
    today = report(D, site("spine_thoracic", 6))

    (finding,) = run_rule(spinal_pain_red_flag, D, same_score("pelvis", 0, PAIN_FREE_WEEK), today)

    assert finding.tier is Tier.URGENT and finding.site == "spine_thoracic"
    assert "thoracic spine pain 6/10, new in the last 28 days" in finding.explanation
    assert finding.evidence == (today.id,)


def test_new_thoracic_pain_of_2_does_not_fire():
    today = report(D, site("spine_thoracic", 2))

    assert run_rule(spinal_pain_red_flag, D, same_score("pelvis", 0, PAIN_FREE_WEEK), today) == []


def test_new_pain_needs_seven_earlier_pain_free_logged_days():
    earlier = same_score("pelvis", 0, PAIN_FREE_WEEK[1:])

    assert run_rule(spinal_pain_red_flag, D, earlier, report(D, site("spine_thoracic", 6))) == []


def test_new_lumbar_pain_alone_is_not_a_red_flag():
    today = report(D, site("spine_lumbar", 6))

    assert run_rule(spinal_pain_red_flag, D, same_score("pelvis", 0, PAIN_FREE_WEEK), today) == []


def test_spinal_pain_worse_at_night_is_urgent_even_when_mild():
    today = report(D, site("spine_lumbar", 1, aggravated_by=["night"]))

    (finding,) = run_rule(spinal_pain_red_flag, D, today)

    assert finding.site == "spine_lumbar"
    assert "lower back (lumbar spine) pain worse at night (1/10)" in finding.explanation


def test_band_like_spinal_pain_is_urgent():
    (finding,) = run_rule(
        spinal_pain_red_flag, D, report(D, site("sacrum", 3, qualities=["band_like"]))
    )

    assert "sacrum pain band-like (3/10)" in finding.explanation


def test_spinal_pain_worse_on_movement_only_is_not_a_red_flag():
    today = report(D, site("spine_cervical", 5, aggravated_by=["movement"], qualities=["aching"]))

    assert run_rule(spinal_pain_red_flag, D, today) == []


def test_a_rise_of_2_at_the_lumbar_spine_is_urgent():
    history = [
        same_score("spine_lumbar", 2, span(-12, -9)),
        same_score("spine_lumbar", 4, span(-2, 0)),
    ]

    (finding,) = run_rule(spinal_pain_red_flag, D, *history)

    assert "lower back (lumbar spine) pain up 2 points" in finding.explanation


def test_a_rise_below_2_at_the_lumbar_spine_does_not_fire():
    history = [
        same_score("spine_lumbar", 2, span(-12, -9)),
        scores("spine_lumbar", {day(-2): 3, day(-1): 4, D: 4}),
    ]

    assert run_rule(spinal_pain_red_flag, D, *history) == []


def test_a_rise_at_the_thoracic_spine_is_not_rule_2c():
    history = [
        same_score("spine_thoracic", 2, span(-12, -9)),
        same_score("spine_thoracic", 5, span(-2, 0)),
    ]

    assert run_rule(spinal_pain_red_flag, D, *history) == []


def test_severe_spinal_pain_on_three_days_running_is_urgent():
    (finding,) = run_rule(spinal_pain_red_flag, D, same_score("sacrum", 7, span(-2, 0)))

    assert "7/10 or more on 3 days running (7/10, 7/10, 7/10)" in finding.explanation
    assert len(finding.evidence) == 3


def test_severe_spinal_pain_on_two_days_then_six_does_not_fire():
    assert run_rule(spinal_pain_red_flag, D, scores("sacrum", {day(-2): 7, day(-1): 7, D: 6})) == []


def test_a_missing_day_breaks_a_run_of_severe_pain():
    assert run_rule(spinal_pain_red_flag, D, scores("sacrum", {day(-3): 7, day(-2): 7, D: 8})) == []

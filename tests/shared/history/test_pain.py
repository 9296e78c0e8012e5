from shared.config import RulesConfig
from tests.shared.builders import D, day, history, report, same_score, scores, site, span


def test_the_daily_score_is_the_highest_of_the_day():
    patient = history(report(D, site("sacrum", 3), hour=8), report(D, site("sacrum", 6), hour=20))

    assert patient.daily_score("sacrum", D) == 6


def test_a_logged_day_without_the_site_scores_zero_and_an_unlogged_day_has_no_score():
    patient = history(report(D, site("pelvis", 4)))

    assert patient.daily_score("sacrum", D) == 0
    assert patient.daily_score("sacrum", day(-1)) is None


def test_a_baseline_needs_four_logged_days_in_d_minus_20_to_d_minus_7():
    three = history(scores("sacrum", {day(-20): 2, day(-10): 4, day(-7): 6}))
    four = history(scores("sacrum", {day(-20): 2, day(-10): 4, day(-7): 6, day(-8): 5}))

    assert three.baseline("sacrum", D) is None
    assert four.baseline("sacrum", D) == 4.5


def test_days_outside_the_baseline_range_do_not_count():
    patient = history(scores("sacrum", {day(-21): 2, day(-6): 4, day(-10): 6, day(-8): 5}))

    assert patient.baseline("sacrum", D) is None


def test_a_recent_mean_needs_three_logged_days_in_the_last_seven():
    two = history(scores("sacrum", {day(-6): 2, D: 6}))
    three = history(scores("sacrum", {day(-6): 2, day(-3): 4, D: 6}))

    assert two.recent_mean("sacrum", D) is None
    assert three.recent_mean("sacrum", D) == 4


def test_the_rise_is_recent_mean_minus_baseline():
    patient = history(same_score("sacrum", 2, span(-12, -9)), same_score("sacrum", 5, span(-2, 0)))

    assert patient.rise("sacrum", D) == 3


def test_a_new_site_needs_seven_pain_free_logged_days_in_the_previous_28():
    free_days = span(-28, -22)
    new = history(same_score("sacrum", 0, free_days), report(D, site("pelvis", 2)))
    too_few = history(same_score("sacrum", 0, free_days[1:]), report(D, site("pelvis", 2)))

    assert new.is_new_site("pelvis", D)
    assert not too_few.is_new_site("pelvis", D)


def test_a_site_with_earlier_pain_is_not_new():
    patient = history(
        same_score("sacrum", 0, span(-9, -1)),
        report(day(-20), site("pelvis", 1)),
        report(D, site("pelvis", 3)),
    )

    assert not patient.is_new_site("pelvis", D)


def test_a_pain_day_scores_four_or_more():
    patient = history(scores("sacrum", {day(-1): 3, D: 4}))

    assert patient.is_pain_day("sacrum", D) and not patient.is_pain_day("sacrum", day(-1))


def test_ten_pain_days_in_fourteen_make_a_site_persistent_and_nine_do_not():
    config = RulesConfig()
    ten = history(same_score("sacrum", 4, span(-9, 0)))
    nine = history(same_score("sacrum", 4, span(-8, 0)), same_score("sacrum", 4, [day(-14)]))

    assert ten.is_persistent("sacrum", D, config)
    assert ten.persistent_sites(D, config) == ["sacrum"]
    assert not nine.is_persistent("sacrum", D, config)


def unrated(on, *symptoms):
    """A check-in with symptoms ticked and pain not rated (`pain_rated: false`)."""
    return report(on, symptoms=symptoms or ["confusion_drowsiness"], pain_rated=False)


def test_a_day_with_only_an_unrated_check_in_is_not_logged_for_pain():
    patient = history(report(day(-1), site("spine_thoracic", 8)), unrated(D))

    assert not patient.is_logged(D)
    assert patient.logged_days(day(-1), D) == (day(-1),)
    assert patient.daily_score("spine_thoracic", D) is None
    assert patient.check_in_days(day(-1), D) == (day(-1), D)


def test_an_unrated_check_in_beside_a_rated_one_changes_no_score():
    patient = history(report(D, site("spine_thoracic", 8), hour=8), unrated(D))

    assert patient.daily_score("spine_thoracic", D) == 8
    assert patient.daily_score("sacrum", D) == 0


def test_a_pain_free_check_in_with_symptoms_still_scores_zero():
    patient = history(report(D, symptoms=["thirst"]))

    assert patient.is_logged(D) and patient.daily_score("spine_thoracic", D) == 0


def test_unrated_days_are_left_out_of_the_baseline_and_the_recent_mean_like_missing_days():
    rated = scores("sacrum", {day(-20): 2, day(-10): 4, day(-7): 6})
    patient = history(
        rated, unrated(day(-8)), scores("sacrum", {day(-6): 2, D: 6}), unrated(day(-3))
    )

    assert patient.baseline("sacrum", D) is None
    assert patient.recent_mean("sacrum", D) is None


def test_unrated_days_are_no_pain_free_days_for_a_new_site():
    patient = history(
        same_score("sacrum", 0, span(-28, -23)),
        unrated(day(-22)),
        report(D, site("pelvis", 2)),
    )

    assert not patient.is_new_site("pelvis", D)

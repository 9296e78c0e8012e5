from shared.config import RulesConfig
from shared.wire import TreatmentSchema
from tests.shared.builders import (
    D,
    day,
    dose,
    history,
    radiotherapy,
    regular,
    same_score,
    scores,
    span,
    treatment_wire,
)


def test_a_radiotherapy_window_runs_from_the_start_to_ten_days_after_the_end():
    course = radiotherapy(["femur_left"], day(-20), day(-15))

    (window,) = history(course).radiotherapy_windows("femur_left")

    assert (window.first_day, window.last_day) == (day(-20), day(-5))
    assert window.contains(day(-5)) and not window.contains(day(-4))


def test_windows_are_listed_only_for_the_treated_site():
    patient = history(radiotherapy(["femur_left"], D))

    assert patient.radiotherapy_windows("sacrum") == []


def test_the_pre_rt_baseline_is_the_median_of_the_seven_days_before_the_start():
    course = radiotherapy(["sacrum"], D)
    patient = history(course, scores("sacrum", {day(-7): 4, day(-4): 6, day(-1): 7, D: 9}))

    assert patient.pre_rt_baseline("sacrum", course) == 6


def test_the_pre_rt_baseline_needs_three_logged_days():
    course = radiotherapy(["sacrum"], D)
    patient = history(
        course, same_score("sacrum", 5, [day(-7), day(-1)]), scores("sacrum", {day(-8): 5})
    )

    assert patient.pre_rt_baseline("sacrum", course) is None


def test_pre_rt_ome_is_the_mean_over_all_seven_days():
    course = radiotherapy(["sacrum"], D)
    patient = history(course, regular(span(-7, -5), amount=70))

    assert patient.pre_rt_ome(course, RulesConfig()) == 30


def test_bone_agent_doses_come_from_treatments_and_dose_records():
    given = TreatmentSchema().load(
        treatment_wire("bisphosphonate", [], day(-60), details={"agent": "zoledronic_acid"})
    )
    injected = dose(day(-3), "denosumab", 120, route="sc", purpose="scheduled")

    doses = history(given, injected, dose(D, "oxycodone", 5)).bone_agent_doses()

    assert [(d.day, d.agent) for d in doses] == [
        (day(-60), "zoledronic_acid"),
        (day(-3), "denosumab"),
    ]

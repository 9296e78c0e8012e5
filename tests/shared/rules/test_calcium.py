from shared.rules.base import Tier
from shared.rules.calcium import possible_hypercalcaemia, possible_hypocalcaemia
from tests.shared.builders import D, bone_agent, day, dose, report, run_rule


def cramps_after(days, kind="denosumab", symptoms=("muscle_cramps",), **details):
    given = bone_agent(kind, day(-days), **details)
    return run_rule(possible_hypocalcaemia, D, given, report(D, symptoms=symptoms))


def test_muscle_cramps_within_180_days_of_denosumab_are_urgent():
    (finding,) = cramps_after(180)

    assert finding.tier is Tier.URGENT and finding.site is None
    assert finding.explanation == (
        "muscle cramps reported on 2026-11-27, 180 days after denosumab (given 2026-05-31)"
    )


def test_181_days_after_denosumab_does_not_fire():
    assert cramps_after(181) == []


def test_a_seizure_after_denosumab_is_an_emergency():
    (finding,) = cramps_after(20, symptoms=("seizure", "tingling_mouth_fingers"))

    assert finding.tier is Tier.EMERGENCY
    assert "tingling around the mouth or in the fingers, seizure" in finding.explanation


def test_cramps_after_a_bisphosphonate_do_not_fire():
    assert cramps_after(20, "bisphosphonate", agent="zoledronic_acid") == []


def test_a_denosumab_dose_record_counts():
    given = dose(day(-30), "denosumab", 120, route="sc", purpose="scheduled")
    cramps = report(D, symptoms=["muscle_cramps"])

    (finding,) = run_rule(possible_hypocalcaemia, D, given, cramps)

    assert finding.evidence == (cramps.id, given.id)


def test_cramps_without_denosumab_do_not_fire():
    assert run_rule(possible_hypocalcaemia, D, report(D, symptoms=["muscle_cramps"])) == []


def symptoms_on(on, *codes):
    return report(on, symptoms=list(codes))


def test_two_new_symptoms_in_the_last_week_are_urgent():
    records = [symptoms_on(day(-6), "thirst"), symptoms_on(D, "constipation")]

    (finding,) = run_rule(possible_hypercalcaemia, D, records)

    assert finding.tier is Tier.URGENT and finding.site is None
    assert finding.explanation.endswith("more thirsty than usual, constipation")
    assert len(finding.evidence) == 2


def test_a_symptom_already_reported_in_d_minus_20_to_d_minus_7_is_not_new():
    records = [
        symptoms_on(day(-20), "constipation"),
        symptoms_on(day(-1), "thirst", "constipation"),
    ]

    assert run_rule(possible_hypercalcaemia, D, records) == []


def test_a_symptom_reported_21_days_ago_is_new_again():
    records = [
        symptoms_on(day(-21), "constipation"),
        symptoms_on(day(-1), "thirst", "constipation"),
    ]

    assert run_rule(possible_hypercalcaemia, D, records)


def test_one_new_symptom_is_not_enough():
    assert run_rule(possible_hypercalcaemia, D, symptoms_on(D, "thirst")) == []


def test_new_confusion_alone_is_an_emergency():
    (finding,) = run_rule(possible_hypercalcaemia, D, symptoms_on(day(-2), "confusion_drowsiness"))

    assert finding.tier is Tier.EMERGENCY
    assert "confusion or drowsiness" in finding.explanation


def test_confusion_known_from_before_does_not_fire_alone():
    records = [
        symptoms_on(day(-10), "confusion_drowsiness"),
        symptoms_on(D, "confusion_drowsiness"),
    ]

    assert run_rule(possible_hypercalcaemia, D, records) == []


def test_symptoms_older_than_d_minus_6_are_not_recent():
    records = [symptoms_on(day(-7), "thirst", "nausea_vomiting")]

    assert run_rule(possible_hypercalcaemia, D, records) == []

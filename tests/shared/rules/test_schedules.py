from datetime import timedelta

from shared.config import RulesConfig
from shared.rules.base import Tier
from shared.rules.schedules import bone_agent_schedule_gap, missed_check_ins
from tests.shared.builders import (
    D,
    bone_agent,
    day,
    dose,
    moment,
    report,
    run_rule,
    run_rule_at,
    span,
)


def test_a_four_weekly_agent_not_given_for_42_days_is_routine():
    given = bone_agent("denosumab", day(-42), agent="denosumab", interval_weeks=4)

    (finding,) = run_rule(bone_agent_schedule_gap, D, given)

    assert finding.tier is Tier.ROUTINE and finding.site is None
    assert finding.explanation == (
        "no bone-agent dose for 42 days: denosumab last given 2026-10-16, every 4 weeks plus "
        "14 days of grace, and no stop recorded"
    )
    assert finding.evidence == (given.id,)


def test_41_days_without_a_dose_is_still_within_the_grace_period():
    assert run_rule(bone_agent_schedule_gap, D, bone_agent("denosumab", day(-41))) == []


def test_the_interval_defaults_to_4_weeks():
    assert run_rule(bone_agent_schedule_gap, D, bone_agent("bisphosphonate", day(-42)))


def test_a_twelve_weekly_interval_waits_98_days():
    def given(days):
        return bone_agent("bisphosphonate", day(-days), agent="zoledronic_acid", interval_weeks=12)

    assert run_rule(bone_agent_schedule_gap, D, given(97)) == []
    assert run_rule(bone_agent_schedule_gap, D, given(98))


def test_a_later_dose_record_restarts_the_count():
    given = bone_agent("denosumab", day(-60))
    injected = dose(day(-10), "denosumab", 120, route="sc", purpose="scheduled")

    assert run_rule(bone_agent_schedule_gap, D, given, injected) == []


def test_a_stopped_record_ends_the_course():
    given = bone_agent("denosumab", day(-90))
    stop = bone_agent("denosumab", day(-60), stopped=True)

    assert run_rule(bone_agent_schedule_gap, D, given, stop) == []


def test_a_dose_after_a_stop_restarts_the_course():
    records = [
        bone_agent("denosumab", day(-120), stopped=True),
        bone_agent("denosumab", day(-90)),
    ]

    assert run_rule(bone_agent_schedule_gap, D, *records)


def test_no_bone_agent_means_no_gap():
    assert run_rule(bone_agent_schedule_gap, D, report(D)) == []


def test_the_grace_period_is_configurable():
    given = bone_agent("denosumab", day(-35))

    config = RulesConfig(bone_agent_grace_days=7)

    assert run_rule(bone_agent_schedule_gap, D, given, config=config)


def daily_check_ins(first, last):
    return [report(on, hour=9) for on in span(first, last)]


def test_72_hours_of_silence_after_a_habit_of_checking_in_is_routine():
    records = daily_check_ins(-13, 0)
    now = moment(D, 9) + timedelta(hours=72)

    (finding,) = run_rule_at(missed_check_ins, now, records)

    assert finding.tier is Tier.ROUTINE and finding.site is None
    assert finding.explanation == (
        "no check-in for 72 hours (last 2026-11-27T09:00+00:00), after 14 check-in days in the "
        "14 days up to it"
    )
    assert finding.evidence == (records[-1].id,)


def test_silence_just_under_72_hours_does_not_fire():
    now = moment(D, 9) + timedelta(hours=72) - timedelta(seconds=1)

    assert run_rule_at(missed_check_ins, now, daily_check_ins(-13, 0)) == []


def test_seven_logged_days_in_the_14_are_a_habit():
    records = [report(on) for on in (day(-12), day(-10), day(-8), day(-6), day(-4), day(-2), D)]

    assert run_rule_at(missed_check_ins, moment(day(3), 23, 59), records)


def test_six_logged_days_are_not():
    records = [report(on) for on in (day(-10), day(-8), day(-6), day(-4), day(-2), D)]

    assert run_rule_at(missed_check_ins, moment(day(3), 23, 59), records) == []


def test_logged_days_before_the_14_do_not_count():
    records = [*daily_check_ins(-20, -14), report(D)]

    assert run_rule_at(missed_check_ins, moment(day(3), 23, 59), records) == []


def test_a_check_in_that_did_not_rate_pain_still_breaks_the_silence():
    records = [*daily_check_ins(-13, -1), report(D, symptoms=["thirst"], pain_rated=False)]
    now = moment(D, 9) + timedelta(hours=48)

    assert run_rule_at(missed_check_ins, now, records) == []


def test_check_ins_that_did_not_rate_pain_count_for_the_habit():
    unrated = [report(on, symptoms=["nausea_vomiting"], pain_rated=False) for on in span(-6, 0)]
    records = [*daily_check_ins(-13, -7), *unrated]
    now = moment(D, 9) + timedelta(hours=72)

    (finding,) = run_rule_at(missed_check_ins, now, records)

    assert finding.evidence == (unrated[-1].id,)
    assert "after 14 check-in days" in finding.explanation


def test_the_silence_is_configurable():
    config = RulesConfig(missed_check_in_hours=48)

    assert run_rule_at(missed_check_ins, moment(day(2), 9), daily_check_ins(-13, 0), config=config)

from shared.rules.base import Tier
from shared.rules.breakthrough import breakthrough_overuse
from tests.shared.builders import D, day, dose, run_rule


def breakthrough(on, count):
    return [dose(on, "oxycodone", 5, hour=8 + n) for n in range(count)]


def test_three_breakthrough_doses_on_two_consecutive_days_is_priority():
    (finding,) = run_rule(breakthrough_overuse, D, breakthrough(day(-1), 3), breakthrough(D, 3))

    assert finding.tier is Tier.PRIORITY and finding.site is None
    assert "3 and 3 breakthrough doses on 2 consecutive days" in finding.explanation
    assert len(finding.evidence) == 6


def test_two_then_three_breakthrough_doses_do_not_fire():
    assert run_rule(breakthrough_overuse, D, breakthrough(day(-1), 2), breakthrough(D, 3)) == []


def test_three_then_two_breakthrough_doses_do_not_fire():
    assert run_rule(breakthrough_overuse, D, breakthrough(day(-1), 3), breakthrough(D, 2)) == []


def test_four_breakthrough_doses_in_one_day_is_priority():
    (finding,) = run_rule(breakthrough_overuse, D, breakthrough(D, 4))

    assert "4 breakthrough doses on 2026-11-27" in finding.explanation


def test_three_breakthrough_doses_in_one_day_alone_do_not_fire():
    assert run_rule(breakthrough_overuse, D, breakthrough(D, 3)) == []


def test_scheduled_doses_are_not_breakthrough_doses():
    scheduled = [dose(D, "morphine", 10, purpose="scheduled", hour=6 + n) for n in range(5)]

    assert run_rule(breakthrough_overuse, D, scheduled) == []

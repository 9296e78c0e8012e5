from datetime import timedelta

from shared.history import required_window
from tests.shared.builders import D, day, moment, radiotherapy

NOW = moment(D, 12)


def test_without_radiotherapy_the_window_is_35_days():
    assert required_window([], NOW) == NOW - timedelta(days=35)


def test_a_course_ended_within_35_days_extends_the_window_to_its_pre_rt_week():
    course = radiotherapy(["sacrum"], day(-60), day(-30))

    start = required_window([course], NOW)

    assert start <= moment(day(-67), 0, offset_hours=14)


def test_a_course_that_ended_longer_ago_does_not_extend_the_window():
    course = radiotherapy(["sacrum"], day(-80), day(-36))

    assert required_window([course], NOW) == NOW - timedelta(days=35)

from datetime import timedelta

from shared.wire import ClockCheck, check_future
from tests.shared.builders import D, dose, moment, report

NOW = moment(D, 12)


def test_a_record_at_or_before_now_is_on_time():
    assert check_future(report(D, hour=12), NOW) is ClockCheck.ON_TIME


def test_a_record_up_to_26_hours_ahead_is_accepted_but_flagged():
    assert check_future(NOW + timedelta(hours=26), NOW) is ClockCheck.AHEAD
    assert check_future(dose(D, hour=13), NOW) is ClockCheck.AHEAD


def test_a_record_more_than_26_hours_ahead_is_too_far():
    assert check_future(NOW + timedelta(hours=26, seconds=1), NOW) is ClockCheck.TOO_FAR_AHEAD


def test_offsets_are_compared_as_instants():
    # 21:00 at +10:00 is 11:00 UTC, before noon UTC.
    assert check_future(moment(D, 21, offset_hours=10), NOW) is ClockCheck.ON_TIME

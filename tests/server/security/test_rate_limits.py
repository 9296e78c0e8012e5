from datetime import UTC, datetime, timedelta

import pytest

from server.security import rate_limits
from server.security.rate_limits import Limit
from server.services.errors import TooManyAttempts

LIMIT = Limit("test:key", 3, timedelta(minutes=10))
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def test_the_limit_trips_at_its_count_and_says_when_it_lifts(db_session):
    for minutes_ago in (9, 5, 1):
        rate_limits.record_failure(db_session, LIMIT, "k", NOW - timedelta(minutes=minutes_ago))
    db_session.commit()

    with pytest.raises(TooManyAttempts) as raised:
        rate_limits.check(db_session, LIMIT, "k", NOW)

    assert raised.value.retry_after == 60


def test_failures_of_other_keys_and_scopes_do_not_count(db_session):
    other_scope = Limit("test:other", 3, timedelta(minutes=10))
    for _ in range(3):
        rate_limits.record_failure(db_session, LIMIT, "someone else", NOW)
        rate_limits.record_failure(db_session, other_scope, "k", NOW)
    db_session.commit()

    rate_limits.check(db_session, LIMIT, "k", NOW)


def test_forgetting_clears_the_count(db_session):
    for _ in range(3):
        rate_limits.record_failure(db_session, LIMIT, "k", NOW)
    rate_limits.forget_failures(db_session, LIMIT, "k")
    db_session.commit()

    rate_limits.check(db_session, LIMIT, "k", NOW)


SLOWING = Limit("test:slowed", 5, timedelta(minutes=15), max_delay=timedelta(seconds=30))


def test_a_slowing_limit_waits_one_second_after_its_count_doubling_up_to_its_cap(db_session):
    waits = {}
    for failures in range(1, 13):
        rate_limits.record_failure(db_session, SLOWING, "k", NOW)
        try:
            rate_limits.check(db_session, SLOWING, "k", NOW)
            waits[failures] = 0
        except TooManyAttempts as held_back:
            waits[failures] = held_back.retry_after

    assert waits == {1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 2, 7: 4, 8: 8, 9: 16, 10: 30, 11: 30, 12: 30}


def test_a_slowing_limit_counts_its_delay_from_the_last_failure(db_session):
    for seconds_ago in (600, 300, 200, 100, 20):
        rate_limits.record_failure(db_session, SLOWING, "k", NOW - timedelta(seconds=seconds_ago))
    db_session.commit()

    rate_limits.check(db_session, SLOWING, "k", NOW)


def test_a_slowing_limit_never_refuses_once_its_longest_delay_has_passed(db_session):
    for _ in range(100):
        rate_limits.record_failure(db_session, SLOWING, "k", NOW - timedelta(seconds=30))
    db_session.commit()

    rate_limits.check(db_session, SLOWING, "k", NOW)


def test_a_refusal_says_how_long_to_wait_in_words():
    assert [rate_limits.in_words(s) for s in (1, 2, 59, 60, 61, 900)] == [
        "1 second",
        "2 seconds",
        "59 seconds",
        "1 minute",
        "2 minutes",
        "15 minutes",
    ]

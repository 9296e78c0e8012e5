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

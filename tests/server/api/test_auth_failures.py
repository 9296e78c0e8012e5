"""Wrong passwords slow an account down at the address they come from; they never lock it out."""

from datetime import timedelta

from sqlalchemy import func, select

from server.models import ApiToken
from server.models.base import utcnow
from server.security import rate_limits
from server.security.rate_limits import LOGIN_FAILURES_PER_ADDRESS
from tests.server.api.test_auth import log_in
from tests.support.failed_sign_ins import LIMIT, counted_failures, wrong_passwords

CLINICIAN = "clinician.a@example.org"
HOSPITAL = "10.0.0.1"
STRANGER = "192.0.2.66"
WAIT_30_SECONDS = (
    "Too many wrong passwords for this account. Wait 30 seconds and try again, or ask your "
    "clinic's Painline administrator to clear the failed sign-ins."
)
WAIT_1_SECOND = (
    "Too many wrong passwords for this account. Wait 1 second and try again, or ask your "
    "clinic's Painline administrator to clear the failed sign-ins."
)
NETWORK_REFUSED = (
    "Too many failed sign-ins from this network. Wait 15 minutes and try again; if it keeps "
    "happening, tell your clinic's Painline administrator."
)


def tokens(db_session) -> int:
    db_session.expire_all()
    return db_session.scalar(select(func.count()).select_from(ApiToken))


def test_a_strangers_wrong_passwords_never_keep_the_clinician_out(api, world, db_session):
    answers = [
        log_in(api, CLINICIAN, password=f"guess {n}", address=STRANGER).status_code
        for n in range(12)
    ]

    assert answers[:5] == [401] * 5
    assert 429 in answers[5:]
    assert log_in(api, CLINICIAN, address=HOSPITAL).status_code == 200
    # The stranger's failures stay, for an admin to see; the clinician's sign-in clears only theirs.
    assert {key for _, key in counted_failures(db_session) if "@" in key} == {
        f"{CLINICIAN} {STRANGER}"
    }


def test_the_right_password_waits_out_the_delay_and_is_told_how_long(api, world, db_session):
    wrong_passwords(db_session, CLINICIAN, HOSPITAL, 10)
    before = (tokens(db_session), counted_failures(db_session))

    right = log_in(api, CLINICIAN, address=HOSPITAL)
    wrong = log_in(api, CLINICIAN, password="guess", address=HOSPITAL)

    for response in (right, wrong):
        assert response.status_code == 429
        assert response.headers["Retry-After"] == "30"
        assert response.get_json()["message"] == WAIT_30_SECONDS
    assert (tokens(db_session), counted_failures(db_session)) == before


def test_once_the_delay_has_passed_the_right_password_works_and_clears_the_count(
    api, world, db_session
):
    wrong_passwords(db_session, CLINICIAN, HOSPITAL, 50, at=utcnow() - timedelta(seconds=31))

    response = log_in(api, CLINICIAN, address=HOSPITAL)

    assert response.status_code == 200
    assert counted_failures(db_session) == []


def test_four_wrong_passwords_hold_nothing_back_and_five_make_the_next_wait_a_second(
    api, world, db_session
):
    wrong_passwords(db_session, CLINICIAN, HOSPITAL, 4)
    assert log_in(api, CLINICIAN, address=HOSPITAL).status_code == 200
    wrong_passwords(db_session, CLINICIAN, HOSPITAL, 5)

    response = log_in(api, CLINICIAN, address=HOSPITAL)

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "1"
    assert response.get_json()["message"] == WAIT_1_SECOND


def test_failures_older_than_the_window_no_longer_slow_the_account(api, world, db_session):
    long_ago = utcnow() - LIMIT.window - timedelta(seconds=1)
    wrong_passwords(db_session, CLINICIAN, HOSPITAL, 10, at=long_ago)

    assert log_in(api, CLINICIAN, address=HOSPITAL).status_code == 200


def test_an_account_that_does_not_exist_is_slowed_in_the_same_words(api, world, db_session):
    wrong_passwords(db_session, "nobody@example.org", HOSPITAL, 10)

    response = log_in(api, "Nobody@Example.org", address=HOSPITAL)

    assert response.status_code == 429
    assert response.get_json()["message"] == WAIT_30_SECONDS


def test_an_address_that_keeps_failing_is_refused_for_every_account(api, world, db_session):
    for number in range(20):
        log_in(api, f"guess{number}@example.org", address="192.0.2.7")
    before = (tokens(db_session), counted_failures(db_session))

    from_that_address = log_in(api, CLINICIAN, address="192.0.2.7")
    from_elsewhere = log_in(api, CLINICIAN, address="192.0.2.8")

    assert from_that_address.status_code == 429
    assert from_that_address.get_json()["message"] == NETWORK_REFUSED
    assert 840 < int(from_that_address.headers["Retry-After"]) <= 900
    assert before[1] == counted_failures(db_session)
    assert from_elsewhere.status_code == 200
    assert tokens(db_session) == before[0] + 1


def test_the_address_refusal_lifts_when_its_window_has_passed(api, world, db_session):
    long_ago = utcnow() - LOGIN_FAILURES_PER_ADDRESS.window - timedelta(seconds=1)
    for _ in range(LOGIN_FAILURES_PER_ADDRESS.max_failures):
        rate_limits.record_failure(db_session, LOGIN_FAILURES_PER_ADDRESS, "192.0.2.7", long_ago)
    db_session.commit()

    assert log_in(api, CLINICIAN, address="192.0.2.7").status_code == 200

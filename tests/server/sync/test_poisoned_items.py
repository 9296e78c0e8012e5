"""One record the server cannot store is refused alone: the red flag pushed beside it arrives.

A push that failed whole for one bad item would be resent by the phone oldest batch first,
forever, and every later check-in of that phone, red flags included, would never arrive.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from server.models import Alert, AlertEvent, Dose, PainReport, RecordRevision
from tests.server.sync.pushes import a_dose, a_report, days_ago, push
from tests.shared.builders import report_wire


def red_flag() -> dict:
    return report_wire(days_ago(0), symptoms=["limb_weakness"], hour=0, minute=1)


POISONED_REPORTS = {
    "revision of 2^31": lambda: a_report(revision=2**31),
    "revision of 2^63": lambda: a_report(revision=2**63),
    "time in year 1": lambda: {**a_report(), "recorded_at": "0001-01-01T00:00:00+23:59"},
    "time in year 9999": lambda: {**a_report(), "recorded_at": "9999-12-31T23:59:59-23:59"},
    "lone surrogate in the note": lambda: a_report(note="woke at 3am \ud800"),
    "control character in the note": lambda: a_report(note="legs \x1b[31mwobbly"),
    "null item": lambda: None,
    "number item": lambda: 42,
    "string item": lambda: "report",
    "list item": lambda: [a_report()],
}

POISONED_DOSES = {
    "dose as a string": lambda: a_dose(amount="10"),
    "dose of true": lambda: a_dose(amount=True),
    "dose of 0": lambda: a_dose(amount=0),
    "negative dose": lambda: a_dose(amount=-5),
    "dose of 1e308": lambda: a_dose(amount=1e308),
    "dose over a million": lambda: a_dose(amount=1_000_001),
    "revision of 2^31": lambda: a_dose(revision=2**31),
    "null item": lambda: None,
}


def count(db_session, model) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


def assert_refused_alone(body, poisoned, index: int) -> None:
    (refusal,) = body["rejected"]
    if isinstance(poisoned, dict):
        assert refusal["id"] == poisoned["id"]
    else:
        assert (refusal["id"], refusal["index"]) == (None, index)
    message = str(refusal["errors"])
    assert len(message) > 20  # a sentence, not a bare code


@pytest.mark.parametrize("make", POISONED_REPORTS.values(), ids=POISONED_REPORTS.keys())
def test_a_poisoned_report_is_refused_alone_and_the_red_flag_beside_it_raises_its_alert(
    api, db_session, make
):
    poisoned, good = make(), red_flag()

    response = push(api, reports=[poisoned, good])

    assert response.status_code == 200
    body = response.get_json()
    assert body["accepted"] == [good["id"]]
    assert_refused_alone(body, poisoned, index=0)
    assert [str(i) for i in db_session.scalars(select(PainReport.id))] == [good["id"]]
    assert count(db_session, RecordRevision) == 1
    assert db_session.scalars(select(Alert.rule)).all() == ["mscc_neuro_red_flag"]
    assert count(db_session, AlertEvent) == 1


@pytest.mark.parametrize("make", POISONED_DOSES.values(), ids=POISONED_DOSES.keys())
def test_a_poisoned_dose_is_refused_alone_and_the_good_records_are_stored(api, db_session, make):
    poisoned, good_dose, good_report = make(), a_dose(), red_flag()

    response = push(api, reports=[good_report], doses=[good_dose, poisoned])

    assert response.status_code == 200
    body = response.get_json()
    assert body["accepted"] == [good_report["id"], good_dose["id"]]
    assert_refused_alone(body, poisoned, index=1)
    assert [str(i) for i in db_session.scalars(select(Dose.id))] == [good_dose["id"]]
    assert count(db_session, PainReport) == 1


def test_the_messages_say_what_to_check(api):
    year_one = {**a_report(), "recorded_at": "0001-01-01T00:00:00+23:59"}
    text_dose = a_dose(amount="10")

    body = push(api, reports=[year_one], doses=[text_dose]).get_json()

    errors = {item["id"]: item["errors"] for item in body["rejected"]}
    assert errors[year_one["id"]] == {
        "recorded_at": ["recorded_at is before the year 2000; check the date and time on the phone"]
    }
    assert errors[text_dose["id"]] == {
        "dose": ["dose must be a number above 0 and at most 1,000,000"]
    }

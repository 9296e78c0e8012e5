"""`pain_rated: false` on the wire (issue 18): stored and pulled as sent, refused with sites, and
read by the engine as a check-in that logged no pain."""

from sqlalchemy import select

from server.models import Alert, PainReport
from tests.server.sync.pushes import days_ago, pull_all, push
from tests.shared.builders import report_wire, site


def unrated(n_days_ago: int, symptoms=("thirst",)):
    # 00:01 UTC: never ahead of the server's clock, even today.
    return report_wire(
        days_ago(n_days_ago), symptoms=list(symptoms), hour=0, minute=1, pain_rated=False
    )


def second_device_of_patient_a(api, db_session):
    from tests.support.builders import a_device

    token, _ = a_device(db_session, api.world.patient_a)
    db_session.commit()
    api.world.tokens["device_a2"] = token
    return "device_a2"


def test_a_report_that_did_not_rate_pain_is_stored_and_pulled_as_sent(api, db_session):
    other = second_device_of_patient_a(api, db_session)
    sent = unrated(1)

    assert push(api, reports=[sent]).get_json()["accepted"] == [sent["id"]]

    stored = db_session.scalars(select(PainReport)).one()
    assert stored.body == sent
    assert pull_all(api, other)["reports"] == [sent]


def test_a_report_from_an_older_phone_is_stored_without_the_field(api, db_session):
    older = report_wire(days_ago(1), symptoms=["thirst"])

    push(api, reports=[older])

    assert "pain_rated" not in db_session.scalars(select(PainReport)).one().body


def test_the_same_unrated_report_twice_is_one_record(api, db_session):
    sent = unrated(1)

    push(api, reports=[sent])
    again = push(api, reports=[sent]).get_json()

    assert again["accepted"] == [sent["id"]]
    assert len(db_session.scalars(select(PainReport)).all()) == 1


def test_pain_not_rated_with_sites_is_rejected_alone(api, db_session):
    bad = report_wire(days_ago(1), site("sacrum", 4), pain_rated=False)
    good = unrated(1)

    body = push(api, reports=[bad, good]).get_json()

    assert body["accepted"] == [good["id"]]
    (rejected,) = body["rejected"]
    assert rejected["id"] == bad["id"] and "pain_rated" in rejected["errors"]


def test_check_ins_that_did_not_rate_pain_are_no_pain_free_days_for_a_new_site(api, db_session):
    # New thoracic pain needs 7 logged pain-free days before it (rules 2a, 15): unrated check-ins
    # are days without a pain score, like missing ones, so the site is not "new".
    reports = [unrated(n) for n in range(21, 1, -1)]
    reports.append(report_wire(days_ago(1), site("spine_thoracic", 6)))

    assert push(api, reports=reports).status_code == 200

    assert db_session.scalars(select(Alert)).all() == []


def test_confusion_in_a_check_in_that_did_not_rate_pain_raises_an_emergency(api, db_session):
    push(api, reports=[unrated(0, symptoms=["confusion_drowsiness"])])

    alert = db_session.scalars(select(Alert)).one()
    assert (alert.rule, alert.tier) == ("possible_hypercalcaemia", "emergency")

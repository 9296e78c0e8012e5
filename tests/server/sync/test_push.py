"""Pushing reports and doses: idempotent, revisioned, per-item rejections."""

import uuid

from sqlalchemy import func, select

from server.models import Dose, PainReport, RecordRevision
from tests.server.sync.pushes import a_dose, a_report, push, report_at


def count(db_session, model, **where):
    query = select(func.count()).select_from(model).filter_by(**where)
    return db_session.scalar(query)


def test_a_pushed_report_and_dose_are_acknowledged_and_stored(api, db_session):
    report, dose = a_report(), a_dose()

    response = push(api, reports=[report], doses=[dose])

    assert response.status_code == 200
    body = response.get_json()
    assert body["accepted"] == [report["id"], dose["id"]]
    assert body["rejected"] == []
    assert count(db_session, PainReport) == 1
    assert count(db_session, Dose) == 1


def test_the_same_push_twice_stores_one_record(api, db_session):
    report = a_report()

    first = push(api, reports=[report]).get_json()
    second = push(api, reports=[report]).get_json()

    assert first["accepted"] == second["accepted"] == [report["id"]]
    assert count(db_session, PainReport) == 1
    assert count(db_session, RecordRevision) == 1


def test_one_id_twice_in_one_push_keeps_the_higher_revision_and_both_in_history(api, db_session):
    first = a_report(score=3)
    second = {**a_report(score=6, id=first["id"]), "revision": 2}
    dose = a_dose()

    body = push(api, reports=[first, second, first], doses=[dose]).get_json()

    assert body["accepted"] == [first["id"], first["id"], first["id"], dose["id"]]
    stored = db_session.scalars(select(PainReport)).one()
    assert (stored.revision, stored.body["sites"][0]["score"]) == (2, 6)
    revisions = db_session.scalars(
        select(RecordRevision.revision).filter_by(record_id=stored.id).order_by("revision")
    ).all()
    assert revisions == [1, 2]


def test_a_higher_revision_replaces_and_the_old_one_stays_in_history(api, db_session):
    report = a_report(score=3)
    corrected = {**a_report(score=7, id=report["id"]), "revision": 2}

    push(api, reports=[report])
    push(api, reports=[corrected])

    stored = db_session.scalars(select(PainReport)).one()
    assert stored.revision == 2
    assert stored.body["sites"][0]["score"] == 7
    assert count(db_session, RecordRevision, record_id=stored.id) == 2


def test_an_equal_revision_with_other_content_is_kept_as_a_conflict(api, db_session):
    report = a_report(score=3)
    other = a_report(score=5, id=report["id"])

    push(api, reports=[report])
    response = push(api, reports=[other]).get_json()

    assert response["accepted"] == [report["id"]]
    stored = db_session.scalars(select(PainReport)).one()
    assert stored.body["sites"][0]["score"] == 3
    conflicts = db_session.scalars(select(RecordRevision).filter_by(conflict=True)).all()
    assert [c.body["sites"][0]["score"] for c in conflicts] == [5]


def test_a_lower_revision_is_acknowledged_and_ignored(api, db_session):
    report = a_report(score=3, revision=2)
    older = a_report(score=9, id=report["id"], revision=1)

    push(api, reports=[report])
    response = push(api, reports=[older]).get_json()

    assert response["accepted"] == [report["id"]]
    assert db_session.scalars(select(PainReport)).one().body["sites"][0]["score"] == 3


def test_a_delete_is_a_tombstone(api, db_session):
    report = a_report()
    deleted = {**report, "revision": 2, "deleted": True}

    push(api, reports=[report])
    push(api, reports=[deleted])

    stored = db_session.scalars(select(PainReport)).one()
    assert stored.deleted is True
    assert count(db_session, RecordRevision) == 2


def test_an_id_of_another_patients_record_is_rejected_and_changes_nothing(api, db_session):
    report = a_report(score=2)
    push(api, "device_a", reports=[report])
    hijack = {**a_report(score=9, id=report["id"]), "revision": 5}

    response = push(api, "device_b", reports=[hijack]).get_json()

    assert response["accepted"] == []
    assert response["rejected"][0]["id"] == report["id"]
    assert "not this patient's" in response["rejected"][0]["errors"]["id"][0]
    stored = db_session.scalars(select(PainReport)).one()
    assert (stored.revision, stored.patient_id) == (1, api.world.patient_a.id)


def test_in_a_batch_only_the_other_patients_id_is_rejected(api, db_session):
    theirs = a_report(score=2)
    push(api, "device_a", reports=[theirs])
    mine = [a_report(2), a_report(3)]
    hijack = {**a_report(score=9, id=theirs["id"]), "revision": 2}

    response = push(api, "device_b", reports=[mine[0], hijack, mine[1]]).get_json()

    assert response["accepted"] == [mine[0]["id"], mine[1]["id"]]
    assert [r["id"] for r in response["rejected"]] == [theirs["id"]]
    assert count(db_session, PainReport, patient_id=api.world.patient_b.id) == 2
    stored = db_session.get(PainReport, uuid.UUID(theirs["id"]))
    assert (stored.revision, stored.patient_id) == (1, api.world.patient_a.id)


def test_bad_items_are_rejected_one_by_one_and_good_ones_stored(api, db_session):
    good = a_report()
    bad_score = a_report(score=11)
    unknown_field = {**a_report(), "mood": "low"}
    not_an_object = "hello"

    body = push(api, reports=[good, bad_score, unknown_field, not_an_object]).get_json()

    assert body["accepted"] == [good["id"]]
    rejected = {item["id"]: item["errors"] for item in body["rejected"]}
    assert "score" in str(rejected[bad_score["id"]])
    assert "mood" in rejected[unknown_field["id"]]
    assert None in rejected
    assert count(db_session, PainReport) == 1


def test_a_phone_clock_a_day_ahead_is_accepted_and_flagged(api, db_session):
    ahead = report_at(hours_from_now=20)
    too_far = report_at(hours_from_now=30)

    body = push(api, reports=[ahead, too_far]).get_json()

    assert body["accepted"] == [ahead["id"]]
    assert [item["id"] for item in body["rejected"]] == [too_far["id"]]
    assert db_session.scalars(select(PainReport)).one().clock_ahead is True


def test_over_500_records_are_refused_whole(api, db_session):
    response = push(
        api, reports=[a_report() for _ in range(300)], doses=[a_dose() for _ in range(201)]
    )

    assert response.status_code == 413
    assert "at most 500" in response.get_json()["message"]
    assert count(db_session, PainReport) == 0


def test_a_body_over_one_mebibyte_is_refused(api):
    report = a_report(note="x" * 1_100_000)

    response = push(api, reports=[report])

    assert response.status_code == 413


def test_an_app_below_the_minimum_version_is_asked_to_update(api, app):
    app.config["PAINLINE"] = type(app.config["PAINLINE"])(
        **{**app.config["PAINLINE"].__dict__, "min_app_version": "2.0.0"}
    )

    old = push(api, reports=[a_report()], headers={"Painline-App-Version": "1.9.3"})
    current = push(api, reports=[a_report()], headers={"Painline-App-Version": "2.0.0"})
    unversioned = push(api, reports=[a_report()])

    assert old.status_code == 426
    assert "update" in old.get_json()["message"]
    assert current.status_code == unversioned.status_code == 200


def test_staff_and_strangers_cannot_sync(api):
    assert push(api, "anonymous").status_code == 401
    assert push(api, "clinician_a").status_code == 403


def test_a_cursor_this_server_did_not_give_is_refused(api):
    response = push(api, cursor="yesterday")

    assert response.status_code == 422
    assert "cursor" in response.get_json()["message"]

from datetime import timedelta

from tests.server.api.alerting import raise_urgent_alert
from tests.server.sync.pushes import a_dose, a_report, days_ago, push, report_at, today


def timeline(api, world, as_="clinician_a", patient=None, **query):
    patient_id = (patient or world.patient_a).id
    return api.get(f"/api/v1/patients/{patient_id}/timeline", as_=as_, query_string=query)


def ids(items):
    return [item["id"] for item in items]


def test_the_timeline_shows_the_last_30_days_by_default(api, world):
    reports = [a_report(n) for n in range(40, 0, -1)]
    push(api, reports=reports)

    body = timeline(api, world).get_json()

    assert (body["from"], body["to"]) == (str(days_ago(29)), str(today()))
    assert ids(body["reports"]) == [r["id"] for r in reports[-29:]]


def test_one_end_of_the_range_makes_a_30_day_window(api, world):
    body = timeline(api, world, **{"from": str(days_ago(100))}).get_json()
    ending = timeline(api, world, to=str(days_ago(100))).get_json()

    assert (body["from"], body["to"]) == (str(days_ago(100)), str(days_ago(71)))
    assert (ending["from"], ending["to"]) == (str(days_ago(129)), str(days_ago(100)))


def test_the_timeline_holds_reports_doses_treatments_and_alerts(api, world):
    reports = raise_urgent_alert(api)
    dose = a_dose(3)
    push(api, doses=[dose])

    body = timeline(api, world, **{"from": str(days_ago(14)), "to": str(today())}).get_json()

    assert ids(body["reports"]) == [r["id"] for r in reports[-14:]]
    assert body["reports"][-1]["record"] == reports[-1]
    assert body["reports"][-1]["local_day"] == str(days_ago(1))
    assert ids(body["doses"]) == [dose["id"]]
    assert ids(body["treatments"]) == [str(world.treatment_a.id)]
    evidence = {alert["rule"]: alert["evidence"] for alert in body["alerts"]}
    assert evidence["spinal_pain_red_flag"] == [reports[-1]["id"]]
    assert body["patient_id"] == str(world.patient_a.id)


def test_a_record_from_a_phone_clock_ahead_is_flagged(api, world):
    ahead = report_at(hours_from_now=3)
    on_time = a_report(1)
    push(api, reports=[on_time, ahead])

    body = timeline(api, world, to=str(today() + timedelta(days=1))).get_json()

    flags = {item["id"]: item["clock_ahead"] for item in body["reports"]}
    assert flags == {on_time["id"]: False, ahead["id"]: True}


def test_a_conflicting_revision_from_another_device_is_shown(api, world):
    report = a_report(2, score=3)
    other = {**report, "sites": [{"site": "femur_left", "score": 7}]}
    push(api, reports=[report])
    push(api, reports=[other])

    body = timeline(api, world).get_json()

    (conflict,) = body["conflicts"]
    assert (conflict["record_kind"], conflict["record_id"], conflict["revision"]) == (
        "report",
        report["id"],
        1,
    )
    assert conflict["record"]["sites"][0]["score"] == 7
    assert body["reports"][0]["record"]["sites"][0]["score"] == 3


def test_a_deleted_report_stays_on_the_timeline_marked_deleted(api, world):
    report = a_report(2)
    push(api, reports=[report])
    push(api, reports=[{**report, "revision": 2, "deleted": True}])

    (shown,) = timeline(api, world).get_json()["reports"]

    assert (shown["id"], shown["deleted"], shown["revision"]) == (report["id"], True, 2)


def test_nothing_outside_the_range_is_shown(api, world):
    push(api, reports=[a_report(10)], doses=[a_dose(10)])

    body = timeline(api, world, **{"from": str(days_ago(5)), "to": str(days_ago(1))}).get_json()

    # The world's treatment is a single radiotherapy fraction 10 days ago.
    assert body == {**body, "reports": [], "doses": [], "treatments": [], "alerts": []}


def test_a_range_over_366_days_is_refused(api, world):
    response = timeline(api, world, **{"from": str(days_ago(366)), "to": str(today())})
    year = timeline(api, world, **{"from": str(days_ago(365)), "to": str(today())})

    assert response.status_code == 422
    assert "at most 366 days" in response.get_json()["errors"]["query"]["to"][0]
    assert year.status_code == 200


def test_a_range_that_ends_before_it_starts_is_refused(api, world):
    response = timeline(api, world, **{"from": str(today()), "to": str(days_ago(1))})

    assert response.status_code == 422
    assert list(response.get_json()["errors"]["query"]) == ["to"]


def test_a_malformed_date_is_refused(api, world):
    response = timeline(api, world, **{"from": "yesterday"})

    assert response.status_code == 422
    assert list(response.get_json()["errors"]["query"]) == ["from"]


def test_days_out_of_any_plausible_range_are_refused(api, world):
    far = timeline(api, world, **{"from": "9999-12-31"})
    early = timeline(api, world, to="0001-01-01")

    assert far.status_code == early.status_code == 422
    assert list(far.get_json()["errors"]["query"]) == ["from"]
    assert list(early.get_json()["errors"]["query"]) == ["to"]


def test_another_teams_patient_has_no_timeline(api, world):
    assert timeline(api, world, patient=world.patient_b).status_code == 404

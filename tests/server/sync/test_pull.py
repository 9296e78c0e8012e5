"""Pulling: every change after the cursor, in order, exactly once, in pages."""

from tests.server.sync.pushes import a_dose, a_report, pull_all, push


def second_device_of_patient_a(api, db_session):
    from tests.support.builders import a_device

    token, _ = a_device(db_session, api.world.patient_a)
    db_session.commit()
    api.world.tokens["device_a2"] = token
    return "device_a2"


def test_another_device_of_the_patient_pulls_what_the_first_pushed(api, db_session):
    other = second_device_of_patient_a(api, db_session)
    report, dose = a_report(), a_dose()
    push(api, "device_a", reports=[report], doses=[dose])

    changes = pull_all(api, other)

    assert [r["id"] for r in changes["reports"]] == [report["id"]]
    assert [d["id"] for d in changes["doses"]] == [dose["id"]]


def test_a_phone_is_not_sent_back_what_it_pushed_but_its_cursor_moves_on(api):
    first = push(api, reports=[a_report()]).get_json()
    second = push(api, cursor=first["cursor"]).get_json()

    assert first["changes"]["reports"] == []
    assert second["changes"]["reports"] == []
    assert second["cursor"] == first["cursor"]


def test_a_pull_from_the_start_returns_every_record_once_after_edits(api, db_session):
    other = second_device_of_patient_a(api, db_session)
    reports = [a_report(n) for n in range(1, 6)]
    push(api, reports=reports[:3])
    push(api, reports=reports[3:])
    push(api, reports=[{**reports[0], "revision": 2, "deleted": True}])

    changes = pull_all(api, other)

    ids = [r["id"] for r in changes["reports"]]
    assert sorted(ids) == sorted(r["id"] for r in reports)
    assert len(ids) == len(set(ids))
    tombstone = next(r for r in changes["reports"] if r["id"] == reports[0]["id"])
    assert tombstone["deleted"] is True


def test_changes_come_in_pages_of_500_with_more(api, db_session):
    other = second_device_of_patient_a(api, db_session)
    for start in range(0, 600, 200):
        push(api, reports=[a_report(1 + (start + i) % 30) for i in range(200)])

    first = push(api, other).get_json()
    second = push(api, other, cursor=first["cursor"]).get_json()

    assert (len(first["changes"]["reports"]), first["more"]) == (500, True)
    assert (len(second["changes"]["reports"]), second["more"]) == (100, False)
    ids = {r["id"] for r in first["changes"]["reports"] + second["changes"]["reports"]}
    assert len(ids) == 600


def test_settings_come_from_the_care_team(api):
    body = push(api).get_json()

    assert set(body["settings"]) == {
        "helpline",
        "call_now_text",
        "out_of_hours_text",
        "check_in_reminder",
        "emergency_number",
    }


def test_a_treatment_entered_by_a_clinician_reaches_the_phone(api):
    treatment = api.world.treatment_a
    body = {
        "id": str(treatment.id),
        "kind": "radiotherapy",
        "sites": ["femur_left"],
        "started_on": treatment.started_on.isoformat(),
        "ended_on": treatment.started_on.isoformat(),
        "revision": 2,
        "deleted": False,
        "details": {"dose_gy": 8, "fractions": 1},
    }
    url = f"/api/v1/patients/{api.world.patient_a.id}/treatments/{treatment.id}"
    assert api.put(url, "clinician_a", json=body).status_code == 200

    changes = pull_all(api)

    assert [(t["id"], t["revision"]) for t in changes["treatments"]] == [(str(treatment.id), 2)]


def test_the_phone_sees_its_alerts_status_and_nothing_clinical(api):
    from tests.server.sync.pushes import days_ago
    from tests.shared.builders import report_wire

    push(api, reports=[report_wire(days_ago(0), symptoms=["limb_weakness"], hour=0, minute=1)])

    alerts = push(api).get_json()["changes"]["alerts"]

    assert [a["status"] for a in alerts] == ["open"]
    assert set(alerts[0]) == {"id", "status", "raised_at", "acknowledged_at", "resolved_at"}

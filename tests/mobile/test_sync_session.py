"""One sync against the real server: batching, paging, pulls, refusals and a revoked token.

The server is the Flask app on SQLite in a thread (`live_server`); its fault layer plays the
network and the gateways in front of it (errors, 413, empty answers) and a newer server version.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from mobile import outbox
from mobile.presenters import EnrollmentPresenter
from mobile.store import Kind, State, Store, account, clinical, records
from mobile.store.account import Enrollment
from mobile.sync import SyncOutcome, SyncSession, TokenRevoked, UpgradeRequired
from mobile.sync.errors import NotEnrolled
from tests.mobile.builders import PARIS_WINTER, a_dose, a_report, a_treatment
from tests.mobile.live_server import LiveServer
from tests.mobile.test_against_server import needs_sync

pytestmark = needs_sync


@pytest.fixture
def yesterday() -> datetime:
    """Recent enough that the server takes the records as today's news, not a backfill."""
    return datetime.now(PARIS_WINTER).replace(microsecond=0) - timedelta(days=1)


@pytest.fixture
def phone_store(store: Store, live_server: LiveServer) -> Store:
    """A store enrolled to the live server with the care team's code (a phone of its own)."""
    result = EnrollmentPresenter(store).from_qr(live_server.qr(), "Test phone")
    assert result.enrolled, result.errors
    return store


def save(store: Store, *bodies: dict[str, Any], kind: Kind = Kind.REPORT) -> None:
    with store.transaction() as connection:
        for body in bodies:
            records.add(connection, kind, body)


def sync(store: Store) -> SyncOutcome:
    return SyncSession(store).run()


def pushed(live_server: LiveServer, kind: str = "reports") -> list[int]:
    return [len(body[kind]) for body in live_server.faults.sync_bodies]


def from_another_phone(live_server: LiveServer, **records_by_kind: list[dict[str, Any]]) -> None:
    """The patient's other phone (enrolled before the test) pushes records."""
    body = {"cursor": None, "reports": [], "doses": [], **records_by_kind}
    response = requests.post(
        f"{live_server.url}/api/v1/sync",
        json=body,
        headers={"Authorization": f"Bearer {live_server.device_token}"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert not response.json()["rejected"]
    # The tests read what the phone under test sent and was answered, not this.
    live_server.faults.sync_bodies.clear()
    live_server.faults.sync_answers.clear()


def as_clinician(live_server: LiveServer, method: str, path: str, body: Any) -> dict[str, Any]:
    response = requests.request(
        method,
        f"{live_server.url}/api/v1/patients/{live_server.patient_id}{path}",
        json=body,
        headers={"Authorization": f"Bearer {live_server.clinician_token}"},
        timeout=10,
    )
    assert response.status_code in (200, 201), response.text
    answer: dict[str, Any] = response.json()
    return answer


def test_the_outbox_goes_out_in_batches_of_200_until_empty(phone_store, live_server, yesterday):
    reports = [a_report(yesterday + timedelta(minutes=i)) for i in range(450)]
    save(phone_store, *reports)

    outcome = sync(phone_store)

    assert pushed(live_server) == [200, 200, 50]
    assert outcome.acknowledged == 450
    assert outcome.pending == 0
    assert live_server.stored_report_ids() == [report["id"] for report in reports]


def test_pages_are_pulled_with_the_new_cursor_while_more_is_true(
    phone_store, live_server, yesterday
):
    # More than one page (500 changes) made on the patient's other phone.
    reports = [a_report(yesterday + timedelta(minutes=i)) for i in range(300)]
    doses = [a_dose(yesterday + timedelta(minutes=i)) for i in range(250)]
    from_another_phone(live_server, reports=reports)
    from_another_phone(live_server, doses=doses)

    outcome = sync(phone_store)

    first, second = live_server.faults.sync_answers
    assert first["more"] is True
    assert [body["cursor"] for body in live_server.faults.sync_bodies] == [None, first["cursor"]]
    assert second["more"] is False
    assert outcome.pulled >= 550  # and the context the care team entered
    with phone_store.transaction() as connection:
        assert len(records.newest_first(connection, 1000)) == 550
        assert account.get(connection, account.CURSOR) == second["cursor"]


def test_unknown_response_fields_from_a_newer_server_are_ignored(phone_store, live_server):
    def newer(answer: dict[str, Any]) -> dict[str, Any]:
        changes = answer["changes"]
        treatments = [
            {**t, "colour": "blue", "details": {**t["details"], "new": 1}}
            for t in changes["treatments"]
        ]
        alerts = [{**alert, "rule": "mscc_neuro_red_flag"} for alert in changes["alerts"]]
        return {
            **answer,
            "field": 1,
            "changes": {**changes, "treatments": treatments, "alerts": alerts, "surprise": []},
        }

    as_clinician(live_server, "POST", "/treatments", a_treatment())
    live_server.faults.newer_server = newer
    save(phone_store, a_report(symptoms=["limb_weakness"]))

    sync(phone_store)

    with phone_store.transaction() as connection:
        (stored,) = clinical.treatments(connection)
        (alert,) = clinical.alerts(connection)
    assert "colour" not in stored
    assert stored["details"]["dose_gy"] == 8
    # The phone keeps an alert's status only, never the rule, even when a server sends it.
    assert "rule" not in alert
    assert alert["status"] == "open"


def test_the_context_alert_statuses_and_settings_are_applied(phone_store, live_server):
    patient = as_clinician(live_server, "GET", "", None)
    context = {
        "id": live_server.patient_id,
        "revision": 2,  # the patient's first context came with the patient
        "care_team_id": patient["care_team_id"],
        "time_zone": "Europe/London",
        "helpline": "+44 20 7946 0001",
        "status": "active",
        "lesions": [],
        "medications": [],
    }
    as_clinician(live_server, "PUT", "/context", context)
    save(phone_store, a_report(symptoms=["limb_weakness"]))

    sync(phone_store)

    with phone_store.transaction() as connection:
        assert clinical.context(connection)["time_zone"] == "Europe/London"
        assert [alert["status"] for alert in clinical.alerts(connection)] == ["open"]
        settings = clinical.settings(connection)
    assert settings["check_in_reminder"] == "20:00"
    assert settings["helpline"] == "+44 20 7946 0001"


def test_rejected_items_are_kept_with_the_message_and_not_resent(phone_store, live_server):
    good, bad = a_report(), a_report(note="x" * 2001)
    save(phone_store, good, bad)

    sync(phone_store)
    sync(phone_store)

    assert pushed(live_server) == [2, 0]
    with phone_store.transaction() as connection:
        (unsent,) = outbox.could_not_send(connection)
    assert unsent.record.id == bad["id"]
    assert unsent.message.startswith("note: ")
    assert live_server.stored_report_ids() == [good["id"]]


def test_a_pulled_report_never_overwrites_a_newer_local_edit(phone_store, live_server):
    earlier, edited = a_report(), a_report()
    from_another_phone(live_server, reports=[{**edited, "revision": 2}])
    save(phone_store, earlier, {**edited, "revision": 3})
    # A gateway takes one record a request: the first answer pulls revision 2 before the
    # phone has sent its revision 3.
    live_server.faults.max_records = 1

    sync(phone_store)

    first_answer = live_server.faults.sync_answers[0]
    assert [r["revision"] for r in first_answer["changes"]["reports"]] == [2]
    with phone_store.transaction() as connection:
        assert records.get(connection, edited["id"]).revision == 3
    assert live_server.faults.sync_bodies[-1]["reports"][0]["revision"] == 3


def test_a_report_from_another_device_is_stored_as_synced(phone_store, live_server):
    report = a_report()
    from_another_phone(live_server, reports=[report])

    sync(phone_store)

    with phone_store.transaction() as connection:
        assert records.get(connection, report["id"]).state is State.SYNCED


def test_a_revoked_token_keeps_the_outbox_and_asks_for_a_new_code(phone_store, live_server):
    revoked = live_server.app.test_cli_runner().invoke(
        args=["painline", "revoke-device", "--patient", live_server.patient_id]
    )
    assert revoked.exit_code == 0, revoked.output
    save(phone_store, a_report())

    with pytest.raises(TokenRevoked):
        sync(phone_store)
    with pytest.raises(TokenRevoked):
        sync(phone_store)

    assert len(live_server.faults.sync_bodies) == 1  # no point sending again with a dead token
    with phone_store.transaction() as connection:
        assert account.flag(connection, account.NEEDS_NEW_CODE)
        assert outbox.pending_count(connection) == 1


@pytest.mark.parametrize("live_server", [{"PAINLINE_MIN_APP_VERSION": "99.0.0"}], indirect=True)
def test_an_unsupported_app_version_is_remembered(store, live_server):
    with store.transaction() as connection:
        account.save_enrollment(
            connection,
            Enrollment(live_server.url, live_server.device_token, live_server.patient_id, "Old"),
        )

    with pytest.raises(UpgradeRequired):
        sync(store)

    with store.transaction() as connection:
        assert account.flag(connection, account.UPGRADE_REQUIRED)


def test_a_batch_refused_as_too_large_is_split(phone_store, live_server):
    reports = [a_report() for _ in range(8)]
    save(phone_store, *reports)
    live_server.faults.max_records = 2

    outcome = sync(phone_store)

    assert outcome.acknowledged == 8
    assert pushed(live_server)[:3] == [8, 4, 2]
    assert sorted(live_server.stored_report_ids()) == sorted(r["id"] for r in reports)


def test_a_single_record_too_large_to_send_moves_to_could_not_send(phone_store, live_server):
    save(phone_store, a_dose(), kind=Kind.DOSE)
    live_server.faults.max_records = 0

    sync(phone_store)

    with phone_store.transaction() as connection:
        assert "too large" in outbox.could_not_send(connection)[0].message


def test_an_answer_that_acknowledges_nothing_ends_the_sync_instead_of_looping(
    phone_store, live_server
):
    save(phone_store, a_report())
    live_server.faults.planned = ["empty"]

    outcome = sync(phone_store)

    assert len(live_server.faults.sync_bodies) == 1
    assert outcome.pending == 1


def test_a_phone_that_is_not_enrolled_does_not_sync(store, live_server):
    with pytest.raises(NotEnrolled):
        sync(store)

    assert live_server.faults.sync_bodies == []

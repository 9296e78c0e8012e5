"""The phone against the real server (Flask app on SQLite, served on 127.0.0.1 in a thread).

The sync tests follow the protocol of architecture.md ("Sync protocol"). Until the server has
`POST /api/v1/sync` they are skipped with a reason, which CI counts as a failure on purpose.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

import pytest
import requests

from mobile.phone import Phone
from mobile.store import Store, account, clinical
from mobile.store.account import Enrollment
from mobile.sync import Backoff, Offline, SyncOutcome, TokenRevoked, UpgradeRequired
from tests.conftest import dispose, make_app
from tests.mobile.builders import PARIS_WINTER, FakeClock, a_stable_check_in, a_treatment
from tests.mobile.live_server import SYNC_PATH, has_route


@cache
def sync_route_missing() -> bool:
    app = make_app("sqlite://")
    with app.app_context():
        dispose(app)
    return not has_route(app, SYNC_PATH)


needs_sync = pytest.mark.skipif(
    sync_route_missing(), reason="the server has no POST /api/v1/sync yet (issue 6)"
)


@pytest.fixture
def recent_clock():
    """A week ago, so a week of check-ins ends near the server's own clock."""
    start = datetime.now(PARIS_WINTER).replace(microsecond=0) - timedelta(days=8)
    return FakeClock(start)


@pytest.fixture
def phone(tmp_path, recent_clock):
    made = Phone(Store.in_directory(tmp_path / "phone"), recent_clock, backoff=Backoff(0.01, 0.05))
    yield made
    made.stop()


def enroll(phone, live_server):
    result = phone.enrollment.from_qr(live_server.qr(), "Test phone")
    assert result.enrolled, result.errors


def sync_until_done(phone, attempts=5) -> SyncOutcome:
    """What the runner does, in the test's thread: retry after failures until the sync succeeds."""
    for _ in range(attempts - 1):
        try:
            return phone.sync.run()
        except Offline:
            continue
    return phone.sync.run()


def test_the_phone_enrolls_with_the_qr_code_from_the_care_team(phone, live_server):
    result = phone.enrollment.from_qr(live_server.qr(), "Test phone")

    assert result.enrolled
    with phone.store.transaction() as connection:
        enrolled = account.enrollment(connection)
    assert enrolled.patient_id == live_server.patient_id
    assert enrolled.server == live_server.url


def test_a_spent_code_is_refused_with_the_servers_message(phone, live_server, tmp_path):
    enroll(phone, live_server)
    second = Phone(Store.in_directory(tmp_path / "second"))
    try:
        result = second.enrollment.from_qr(live_server.qr(), "Second phone")
    finally:
        second.stop()

    assert not result.enrolled
    assert "new one" in result.errors["code"]


@needs_sync
def test_a_check_in_reaches_the_server_and_is_marked_synced(phone, live_server):
    enroll(phone, live_server)
    saved = phone.checkin.submit(a_stable_check_in())

    outcome = phone.sync.run()

    assert outcome.acknowledged == 1
    assert outcome.pending == 0
    assert live_server.stored_report_ids() == [saved.record_id]
    assert live_server.faults.sync_bodies[0]["reports"][0]["id"] == saved.record_id


@needs_sync
@pytest.mark.parametrize("fault", ["error", "lost"])
def test_after_server_errors_the_retry_stores_each_check_in_once(phone, live_server, fault):
    enroll(phone, live_server)
    saved = phone.checkin.submit(a_stable_check_in())
    live_server.faults.planned = [fault, fault]

    outcome = sync_until_done(phone)

    assert outcome.pending == 0
    assert live_server.stored_report_ids() == [saved.record_id]
    assert len(live_server.faults.sync_bodies) == 3


@needs_sync
def test_after_a_timeout_the_retry_stores_the_check_in_once(tmp_path, recent_clock, live_server):
    # The server commits, then answers after the phone has given up waiting.
    phone = Phone(Store.in_directory(tmp_path / "slow"), recent_clock, timeout=(2.0, 0.5))
    try:
        enroll(phone, live_server)
        saved = phone.checkin.submit(a_stable_check_in())
        live_server.faults.planned = ["slow"]
        live_server.faults.slow_seconds = 1.5

        with pytest.raises(Offline):
            phone.sync.run()
        outcome = phone.sync.run()
    finally:
        phone.stop()

    assert outcome.pending == 0
    assert live_server.stored_report_ids() == [saved.record_id]


@needs_sync
def test_a_week_offline_then_all_fourteen_check_ins_arrive_in_order(
    phone, live_server, recent_clock
):
    enroll(phone, live_server)
    phone.sync.run()
    live_server.faults.down = True
    saved = []
    for _ in range(14):
        saved.append(phone.checkin.submit(a_stable_check_in()).record_id)
        with pytest.raises(Offline):
            phone.sync.run()
        recent_clock.advance(hours=12)
    live_server.faults.down = False

    outcome = phone.sync.run()

    assert outcome.acknowledged == 14
    assert live_server.stored_report_ids() == saved
    pushed = [r["id"] for body in live_server.faults.sync_bodies for r in body["reports"]]
    assert pushed[-14:] == saved


@needs_sync
def test_a_treatment_entered_by_a_clinician_is_pulled(phone, live_server):
    enroll(phone, live_server)
    phone.sync.run()
    treatment = a_treatment()
    response = requests.post(
        f"{live_server.url}/api/v1/patients/{live_server.patient_id}/treatments",
        json=treatment,
        headers={"Authorization": f"Bearer {live_server.clinician_token}"},
        timeout=10,
    )
    assert response.status_code == 201, response.text

    outcome = phone.sync.run()

    assert outcome.pulled >= 1
    with phone.store.transaction() as connection:
        pulled = {t["id"]: t for t in clinical.treatments(connection)}
    assert pulled[treatment["id"]]["sites"] == ["femur_left"]


@needs_sync
def test_a_rejected_check_in_is_kept_and_shown_and_not_resent(phone, live_server, recent_clock):
    enroll(phone, live_server)
    # A phone clock two days fast: the server refuses times more than 26 h ahead.
    recent_clock.advance(days=10)
    saved = phone.checkin.submit(a_stable_check_in())

    phone.sync.run()
    phone.sync.run()

    unsent = phone.messages.view().could_not_send
    assert [item.id for item in unsent] == [saved.record_id]
    assert "ahead" in unsent[0].message
    assert live_server.stored_report_ids() == []
    sent = [r["id"] for body in live_server.faults.sync_bodies for r in body["reports"]]
    assert sent == [saved.record_id]


@needs_sync
def test_a_revoked_phone_keeps_its_outbox_and_pushes_it_after_a_new_code(phone, live_server):
    enroll(phone, live_server)
    revoked = live_server.app.test_cli_runner().invoke(
        args=["painline", "revoke-device", "--patient", live_server.patient_id]
    )
    assert revoked.exit_code == 0, revoked.output
    saved = phone.checkin.submit(a_stable_check_in())

    with pytest.raises(TokenRevoked, match="new code"):
        phone.sync.run()

    assert phone.messages.view().needs_new_code
    assert phone.messages.view().waiting_to_send == 1
    assert live_server.stored_report_ids() == []

    new_code = requests.post(
        f"{live_server.url}/api/v1/patients/{live_server.patient_id}/enrollment-code",
        headers={"Authorization": f"Bearer {live_server.clinician_token}"},
        timeout=10,
    ).json()["enrollment_code"]
    assert phone.enrollment.from_qr(live_server.qr(new_code), "Test phone").enrolled
    phone.sync.run()

    assert not phone.messages.view().needs_new_code
    assert live_server.stored_report_ids() == [saved.record_id]


@needs_sync
@pytest.mark.parametrize("live_server", [{"PAINLINE_MIN_APP_VERSION": "99.0.0"}], indirect=True)
def test_an_app_too_old_for_the_server_keeps_its_outbox_and_asks_for_an_update(phone, live_server):
    with phone.store.transaction() as connection:
        account.save_enrollment(
            connection,
            Enrollment(live_server.url, live_server.device_token, live_server.patient_id, "Old"),
        )
    phone.checkin.submit(a_stable_check_in())

    with pytest.raises(UpgradeRequired):
        phone.sync.run()

    assert phone.messages.view().upgrade_required
    assert phone.messages.view().waiting_to_send == 1

"""One record the server cannot take never blocks the others, and red flags go out first.

The real phone (presenters, engine, sync session and client) against the real server. A small
WSGI layer in front of the app plays a server bug: any push holding one poisoned record id is
answered 500, as a crash on that record would be.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest

from mobile.phone import Phone
from mobile.store import State, Store, records
from mobile.sync import Backoff, Offline, SyncOutcome
from tests.mobile.builders import PARIS_WINTER, FakeClock, a_check_in_with, a_stable_check_in
from tests.mobile.live_server import SYNC_PATH, LiveServer
from tests.mobile.test_against_server import needs_sync

pytestmark = needs_sync

CRASH = "could not store this pain report"


@dataclass
class Push:
    ids: list[str]  # reports then doses, in the order the phone sent them
    status: int


@dataclass
class Poisoned:
    """Answers 500 to any push holding `poisoned`; every other request reaches the app."""

    app: Callable[..., Iterable[bytes]]
    poisoned: str
    pushes: list[Push] = field(default_factory=list)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("PATH_INFO") != SYNC_PATH:
            return self.app(environ, start_response)
        raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(raw)
        body = json.loads(raw)
        ids = [item["id"] for item in [*body["reports"], *body["doses"]]]
        if self.poisoned in ids:
            self.pushes.append(Push(ids, 500))
            answer = {"code": 500, "status": "Internal Server Error", "message": CRASH}
            start_response("500 INTERNAL SERVER ERROR", [("Content-Type", "application/json")])
            return [json.dumps(answer).encode()]
        self.pushes.append(Push(ids, 200))
        return self.app(environ, start_response)

    def successes(self) -> list[list[str]]:
        return [push.ids for push in self.pushes if push.status == 200 and push.ids]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime.now(PARIS_WINTER).replace(microsecond=0) - timedelta(days=2))


def open_phone(directory, clock) -> Phone:
    return Phone(Store.in_directory(directory), clock, backoff=Backoff(0.01, 0.05))


@pytest.fixture
def phone(tmp_path, clock, live_server):
    made = open_phone(tmp_path / "phone", clock)
    assert made.enrollment.from_qr(live_server.qr(), "Test phone").enrolled
    yield made
    made.stop()


def poison(live_server: LiveServer, record_id: str) -> Poisoned:
    layer = Poisoned(live_server.faults.app, record_id)
    live_server.faults.app = layer
    return layer


def sync_until_sent(phone: Phone, attempts: int = 30) -> SyncOutcome:
    """What the runner does, without its waits: sync again after each failure."""
    for _ in range(attempts):
        try:
            outcome = phone.sync.run()
        except Offline:
            continue
        if outcome.pending == 0:
            return outcome
    raise AssertionError(f"the outbox did not empty in {attempts} syncs")


def check_in(phone: Phone, clock: FakeClock, form=None) -> str:
    clock.advance(minutes=30)
    saved = phone.checkin.submit(form or a_stable_check_in())
    assert saved.saved
    return str(saved.record_id)


def states(phone: Phone) -> dict[str, tuple[State, int]]:
    with phone.store.transaction() as connection:
        found = records.newest_first(connection, 100)
    return {record.id: (record.state, record.revision) for record in found}


def test_a_record_the_server_cannot_take_moves_to_could_not_send_and_the_rest_arrive(
    phone, live_server, clock
):
    poisoned = check_in(phone, clock)
    ordinary = [check_in(phone, clock) for _ in range(3)]
    red_flag = check_in(phone, clock, a_check_in_with("limb_weakness"))
    layer = poison(live_server, poisoned)

    sync_until_sent(phone)

    # The red flag, saved last, leads every push; after the first failure it goes on its own.
    assert [(push.ids, push.status) for push in layer.pushes[:2]] == [
        ([red_flag, poisoned, *ordinary], 500),
        ([red_flag], 200),
    ]
    assert layer.successes()[0] == [red_flag]
    assert sorted(live_server.stored_report_ids()) == sorted([*ordinary, red_flag])
    # Three failures a batch, halving down to the poisoned record alone, then nothing more.
    alone = [push for push in layer.pushes if push.ids == [poisoned]]
    assert [push.status for push in alone] == [500, 500, 500]
    unsent = phone.messages.view().could_not_send
    assert [item.id for item in unsent] == [poisoned]
    assert unsent[0].message == f"The server could not take this entry (HTTP 500): {CRASH}"
    assert states(phone) == {
        poisoned: (State.REJECTED, 1),
        **{record_id: (State.SYNCED, 1) for record_id in [*ordinary, red_flag]},
    }


def test_the_poisoned_record_is_not_resent_and_later_check_ins_go_straight_through(
    phone, live_server, clock
):
    poisoned = check_in(phone, clock)
    layer = poison(live_server, poisoned)
    check_in(phone, clock)
    sync_until_sent(phone)
    pushes_so_far = len(layer.pushes)

    later = check_in(phone, clock)
    outcome = phone.sync.run()

    assert outcome.acknowledged == 1
    assert [push.ids for push in layer.pushes[pushes_so_far:]] == [[later]]
    assert later in live_server.stored_report_ids()
    assert states(phone)[poisoned] == (State.REJECTED, 1)


def test_an_outage_that_fails_every_push_moves_nothing_to_could_not_send(phone, live_server, clock):
    saved = check_in(phone, clock)
    live_server.faults.planned = ["error"] * 100

    for _ in range(8):
        with pytest.raises(Offline):
            phone.sync.run()

    assert phone.messages.view().could_not_send == []
    assert states(phone) == {saved: (State.PENDING, 1)}
    assert live_server.stored_report_ids() == []
    live_server.faults.planned = []
    assert phone.sync.run().acknowledged == 1
    assert live_server.stored_report_ids() == [saved]


def test_the_failures_of_a_batch_are_counted_across_a_restart_of_the_app(
    tmp_path, phone, live_server, clock
):
    poisoned = check_in(phone, clock)
    others = [check_in(phone, clock) for _ in range(3)]
    layer = poison(live_server, poisoned)
    for _ in range(2):
        with pytest.raises(Offline):
            phone.sync.run()
    phone.stop()

    restarted = open_phone(tmp_path / "phone", clock)
    try:
        with pytest.raises(Offline):
            restarted.sync.run()
        with pytest.raises(Offline):
            restarted.sync.run()
    finally:
        restarted.stop()

    assert [len(push.ids) for push in layer.pushes] == [4, 4, 4, 2]
    assert live_server.stored_report_ids() == []
    assert set(states_of(tmp_path, clock)) == {poisoned, *others}


def states_of(tmp_path, clock) -> dict[str, tuple[State, int]]:
    reopened = open_phone(tmp_path / "phone", clock)
    try:
        found = states(reopened)
    finally:
        reopened.stop()
    assert all(state == (State.PENDING, 1) for state in found.values())
    return found

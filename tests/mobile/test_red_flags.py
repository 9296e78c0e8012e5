"""Red flags in the outbox, found by the phone's own engine (the one the safety net runs)."""

from __future__ import annotations

from datetime import timedelta

from mobile import outbox
from mobile.store import Kind, State, records
from mobile.sync import red_flags
from shared.config import RulesConfig
from tests.mobile.builders import MORNING, a_report


def save(store, *bodies, state=State.PENDING):
    with store.transaction() as connection:
        for body in bodies:
            records.add(connection, Kind.REPORT, body, state)


def push_order(store):
    with store.transaction() as connection:
        return list(outbox.next_batch(connection).sent)


def test_a_check_in_with_an_emergency_finding_leaves_first(store):
    first = a_report(MORNING)
    second = a_report(MORNING + timedelta(hours=2))
    weak_legs = a_report(
        MORNING + timedelta(hours=4),
        sites=[{"site": "spine_thoracic", "score": 4, "qualities": [], "aggravated_by": []}],
        symptoms=["limb_weakness"],
    )
    save(store, first, second, weak_legs)

    found = red_flags.assess(store, RulesConfig())

    assert found == 1
    assert push_order(store) == [weak_legs["id"], first["id"], second["id"]]


def test_ordinary_check_ins_are_assessed_once_and_keep_their_order(store):
    reports = [a_report(MORNING + timedelta(hours=i)) for i in range(3)]
    save(store, *reports)

    assert red_flags.assess(store, RulesConfig()) == 0

    with store.transaction() as connection:
        assert records.unassessed(connection, Kind.REPORT) == []
    assert push_order(store) == [report["id"] for report in reports]
    assert red_flags.assess(store, RulesConfig()) == 0


def test_a_red_flag_already_on_the_server_is_not_marked(store):
    synced = a_report(MORNING, symptoms=["limb_weakness"])
    save(store, synced, state=State.SYNCED)
    later = a_report(MORNING + timedelta(hours=1))
    save(store, later)

    assert red_flags.assess(store, RulesConfig()) == 0

    with store.transaction() as connection:
        assert not records.get(connection, synced["id"]).red_flag
        assert records.get(connection, synced["id"]).state is State.SYNCED

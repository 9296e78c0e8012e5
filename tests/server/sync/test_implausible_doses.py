"""A dose far above its plausible limit is stored, flagged in `warnings` and kept out of OME."""

from __future__ import annotations

from sqlalchemy import select

from server.models import Alert, Dose
from tests.server.sync.pushes import a_dose, days_ago, push
from tests.shared.builders import report_wire


def red_flag() -> dict:
    return report_wire(days_ago(0), symptoms=["limb_weakness"], hour=0, minute=1)


def test_an_implausible_dose_is_stored_and_warned_and_the_report_beside_it_is_evaluated(
    api, db_session
):
    wild, report = a_dose(medication="morphine", amount=100_000), red_flag()

    body = push(api, reports=[report], doses=[wild]).get_json()

    assert body["accepted"] == [report["id"], wild["id"]]
    assert body["rejected"] == []
    assert body["warnings"] == [
        {
            "id": wild["id"],
            "message": "100000 mg is far above usual doses: stored, but left out of OME until "
            "checked with the patient",
        }
    ]
    assert [str(i) for i in db_session.scalars(select(Dose.id))] == [wild["id"]]
    assert db_session.scalars(select(Alert.rule)).all() == ["mscc_neuro_red_flag"]


def test_a_usual_dose_has_no_warning(api):
    body = push(api, doses=[a_dose(medication="morphine", amount=30)]).get_json()

    assert body["warnings"] == []


def test_a_resent_implausible_dose_is_warned_again(api):
    wild = a_dose(medication="morphine", amount=100_000)
    push(api, doses=[wild])

    body = push(api, doses=[wild]).get_json()

    assert [warning["id"] for warning in body["warnings"]] == [wild["id"]]


def test_an_implausible_dose_does_not_raise_opioid_escalation(api, db_session):
    steady = [
        a_dose(n, medication="morphine", amount=30, purpose="scheduled") for n in range(14, 0, -1)
    ]
    wild = a_dose(0, medication="morphine", amount=100_000, purpose="scheduled", hour=0, minute=1)

    push(api, doses=[*steady, wild])

    assert "opioid_escalation" not in db_session.scalars(select(Alert.rule)).all()

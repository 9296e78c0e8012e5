"""The scheduler runs the time-based rules at the wall clock, once per patient per local day."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from server.models import Alert, ScheduledEvaluation
from tests.server.sync.pushes import a_report, push


def test_a_patient_gone_quiet_gets_a_missed_check_ins_alert_once(
    api, world, db_session, workers, clock
):
    push(api, reports=[a_report(n) for n in range(14, 4, -1)])
    assert db_session.scalars(select(Alert).where(Alert.rule == "missed_check_ins")).all() == []
    worker = workers(clock=clock)

    worker.run_once()
    clock.advance(hours=1)
    worker.run_once()

    db_session.expire_all()
    (alert,) = db_session.scalars(select(Alert).where(Alert.rule == "missed_check_ins")).all()
    assert (alert.tier, alert.status, alert.patient_id) == ("routine", "open", world.patient_a.id)
    mark = db_session.get(ScheduledEvaluation, world.patient_a.id)
    assert mark.evaluated_at == clock.now - timedelta(hours=1)


def test_the_next_local_day_is_evaluated_again_without_a_second_alert(
    api, world, db_session, workers, clock
):
    push(api, reports=[a_report(n) for n in range(14, 4, -1)])
    worker = workers(clock=clock)
    worker.run_once()

    clock.advance(days=1)
    worker.run_once()

    db_session.expire_all()
    assert db_session.get(ScheduledEvaluation, world.patient_a.id).evaluated_at == clock.now
    assert len(db_session.scalars(select(Alert).where(Alert.rule == "missed_check_ins")).all()) == 1

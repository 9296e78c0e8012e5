"""Two patients' pushes racing for one record id: the later one refuses that record alone.

The patient lock orders one patient's pushes, not two patients'; a phone sending another
patient's record id (a copied database, a bug) could reach the unique key between our look and
our insert. PostgreSQL only: there an insert waits for the other transaction's row and then fails.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from datetime import datetime

import pytest
from sqlalchemy import create_engine, func, select, text

from server.models import PainReport
from tests.server.sync.pushes import a_report, push


def waiting_for_a_lock(engine) -> bool:
    with engine.connect() as connection:
        waiting = connection.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        ).scalar_one()
    return bool(waiting)


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_record_id_taken_by_another_patient_mid_push_is_refused_alone(
    api, world, db_session, database_url
):
    theirs, mine = a_report(1), a_report(2)
    engine = create_engine(database_url)
    other = engine.connect()
    other.begin()
    recorded = datetime.fromisoformat(theirs["recorded_at"])
    other.execute(
        text(
            "INSERT INTO pain_reports (id, clinic_id, patient_id, local_day, revision, deleted, "
            "body, change_seq, clock_ahead, received_at, recorded_at) VALUES (:id, :clinic, "
            ":patient, :day, 1, false, :body, 1, false, now(), :recorded)"
        ),
        {
            "id": uuid.UUID(theirs["id"]),
            "clinic": world.patient_a.clinic_id,
            "patient": world.patient_a.id,
            "day": recorded.date(),
            "body": json.dumps(theirs),
            "recorded": recorded,
        },
    )
    answers = []
    pushing = threading.Thread(
        target=lambda: answers.append(push(api, "device_b", reports=[mine, theirs]))
    )
    pushing.start()
    try:
        deadline = time.monotonic() + 10
        while not waiting_for_a_lock(engine) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert waiting_for_a_lock(engine), "the push never reached the other patient's row"
        other.commit()
        pushing.join(30)
    finally:
        other.close()
        engine.dispose()

    (response,) = answers
    assert response.status_code == 200
    body = response.get_json()
    assert body["accepted"] == [mine["id"]]
    assert [refused["id"] for refused in body["rejected"]] == [theirs["id"]]
    assert "not this patient's" in body["rejected"][0]["errors"]["id"][0]
    db_session.expire_all()
    owners = dict(db_session.execute(select(PainReport.id, PainReport.patient_id)).all())
    assert owners == {
        uuid.UUID(theirs["id"]): world.patient_a.id,
        uuid.UUID(mine["id"]): world.patient_b.id,
    }
    assert db_session.scalar(select(func.count()).select_from(PainReport)) == 2

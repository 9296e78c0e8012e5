"""The worklist costs the same number of SQL queries for 5 patients as for 50 (no N+1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from server.extensions import db
from tests.server.api.alerting import limb_weakness_today
from tests.server.sync.pushes import a_report, push
from tests.support.builders import a_device, a_patient


def add_patients(api, world, db_session, count: int) -> None:
    for n in range(count):
        patient = a_patient(db_session, world.team_a, name=f"Patient {n:03}")
        token, _ = a_device(db_session, patient)
        db_session.commit()
        world.tokens[f"device_{n}"] = token
        reports = [a_report(2), a_report(1, score=5)]
        if n % 2 == 0:
            reports.append(limb_weakness_today())
        assert push(api, f"device_{n}", reports=reports).status_code == 200


@contextmanager
def counted_queries() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def worklist_queries(dashboard) -> int:
    with counted_queries() as statements:
        response = dashboard.get("/")
    assert response.status_code == 200
    return len(statements)


def test_the_worklist_query_count_does_not_grow_with_the_patients(
    api, world, db_session, dashboard
):
    add_patients(api, world, db_session, 5)
    with_5 = worklist_queries(dashboard)
    assert with_5 > 0

    add_patients(api, world, db_session, 45)
    page = dashboard.get("/").get_data(as_text=True)
    assert page.count('data-patient-id="') == 51

    assert worklist_queries(dashboard) == with_5

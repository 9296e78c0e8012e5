"""What a push costs in SQL statements: a check-in (with the cursor of the phone's last sync) a
handful, and a batch one more, whatever its size (no statement per record)."""

from __future__ import annotations

from tests.server.dashboard.test_worklist_queries import counted_queries
from tests.server.sync.pushes import a_report, push

# Device lookup, patient lock, record insert, its revision, treatments, records in the window.
CHECK_IN_STATEMENTS = 6


def statements_of_push(api, as_: str, reports, cursor: str | None = None) -> list[str]:
    with counted_queries() as statements:
        response = push(api, as_, cursor=cursor, reports=reports)
    assert response.status_code == 200
    assert len(response.get_json()["accepted"]) == len(reports)
    return statements


def test_a_check_in_runs_six_statements(api):
    week = push(api, reports=[a_report(n, score=2) for n in range(3, 10)]).get_json()

    statements = statements_of_push(api, "device_a", [a_report(0, score=2)], week["cursor"])

    assert len(statements) == CHECK_IN_STATEMENTS, "\n".join(statements)


def test_a_push_of_a_hundred_reports_runs_as_many_statements_as_one_of_ten(api):
    ten = statements_of_push(api, "device_a", [a_report(n, score=2) for n in range(1, 11)])
    hundred = statements_of_push(api, "device_b", [a_report(n, score=2) for n in range(1, 101)])

    assert len(hundred) == len(ten), "\n".join(hundred)
    # One more than a check-in: the batch reads which of its ids are taken.
    assert len(ten) == CHECK_IN_STATEMENTS + 1, "\n".join(ten)

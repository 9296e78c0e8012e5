"""A large worklist shows the patients needing attention first, a page at a time, with counts."""

from __future__ import annotations

import re

from server.dashboard.data.worklist import PAGE_ROWS
from tests.server.access_matrix import an_alert_of
from tests.support.builders import a_patient

ROW = re.compile(r'data-patient-id="([^"]+)"')


def test_the_alerted_patient_tops_a_paged_worklist(api, world, db_session, dashboard):
    quiet = [
        a_patient(db_session, world.team_a, name=f"Quiet {n:03}") for n in range(PAGE_ROWS + 9)
    ]
    db_session.commit()
    an_alert_of(api, world.a)
    total = len(quiet) + 1

    first = dashboard.get("/").get_data(as_text=True)
    second = dashboard.get("/?page=2").get_data(as_text=True)

    first_ids, second_ids = ROW.findall(first), ROW.findall(second)
    assert first_ids[0] == str(world.patient_a.id)
    assert len(first_ids) == PAGE_ROWS
    assert len(second_ids) == total - PAGE_ROWS
    assert set(first_ids).isdisjoint(second_ids)
    assert f"{total} patients: 1 with open alerts, {total - 1} not reporting." in first
    assert 'rel="next"' in first and 'rel="prev"' in second

"""A patient's check-in note shows on their worklist row: the latest of the last 72 hours, its
first line, behind an icon with a text of its own."""

from __future__ import annotations

import re

from server.dashboard.data.check_in_notes import first_line
from tests.server.dashboard.check_ins import check_in
from tests.server.sync.pushes import push


def row_of(page: str, patient_id: str) -> str:
    found = re.search(rf'<tr class="row[^>]*data-patient-id="{patient_id}".*?</tr>', page, re.S)
    assert found, "the patient has no row"
    return found.group(0)


def worklist_row(dashboard, world) -> str:
    return row_of(dashboard.get("/").get_data(as_text=True), str(world.patient_a.id))


def test_the_latest_note_of_the_last_72_hours_shows_on_the_row(api, world, dashboard):
    reports = [
        check_in(30, "Worse at night since Tuesday."),
        check_in(5, "Can't sleep on my left side.\nTook an extra tablet."),
        check_in(2),
    ]
    assert push(api, reports=reports).status_code == 200

    row = worklist_row(dashboard, world)

    assert 'aria-label="Latest check-in note"' in row
    assert "<q>Can&#39;t sleep on my left side.</q>" in row
    assert "extra tablet" not in row and "Tuesday" not in row
    assert "· 5 h ago" in row


def test_a_note_older_than_72_hours_is_not_shown(api, world, dashboard):
    assert push(api, reports=[check_in(73, "Old news."), check_in(1)]).status_code == 200

    row = worklist_row(dashboard, world)

    assert "check-in-note" not in row and "Old news." not in row


def test_a_deleted_check_in_takes_its_note_with_it(api, world, dashboard):
    report = check_in(3, "Sent by mistake.")
    assert push(api, reports=[report]).status_code == 200
    gone = {**report, "revision": 2, "deleted": True}
    assert push(api, reports=[gone]).status_code == 200

    assert "Sent by mistake." not in worklist_row(dashboard, world)


def test_a_short_first_line_is_shown_whole():
    assert first_line("\n  Pain is better today.  \nThanks") == "Pain is better today."
    assert first_line(" \n ") == ""


def test_a_long_first_line_is_cut_at_a_word_near_80_characters():
    line = (
        "The pain in my left thigh wakes me every night and the tablets do not help anymore at all"
    )

    shown = first_line(line)

    assert shown == "The pain in my left thigh wakes me every night and the tablets do not help…"
    assert len(shown) <= 80


def test_a_long_word_is_cut_where_it_stands():
    assert first_line("x" * 200) == "x" * 79 + "…"

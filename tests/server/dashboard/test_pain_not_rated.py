"""A check-in with symptoms and pain not rated is not "no pain" (issue 18): the patient page's
list says "pain not rated", the worklist's trend has no point on its day, and the patient still
counts as reporting."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.server.dashboard.test_worklist_notes import worklist_row
from tests.server.sync.pushes import push
from tests.shared.builders import report_wire, site


def check_in(hours_ago: float, *sites: dict[str, Any], **options: Any) -> dict[str, Any]:
    when = datetime.now(UTC) - timedelta(hours=hours_ago)
    return report_wire(when.date(), *sites, hour=when.hour, minute=when.minute, **options)


def listed_check_ins(dashboard, world) -> list[str]:
    page = dashboard.get(f"/patients/{world.patient_a.id}").get_data(as_text=True)
    found = re.search(r'<ul class="reports">(.*?)</ul>', page, re.S)
    assert found, "the page lists no check-ins"
    return [" ".join(item.split()) for item in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)]


def test_the_check_in_list_tells_pain_not_rated_from_no_pain(api, world, dashboard):
    reports = [
        check_in(3, site("spine_thoracic", 8)),
        check_in(2, symptoms=["thirst"]),
        check_in(1, symptoms=["confusion_drowsiness"], pain_rated=False),
    ]
    assert push(api, reports=reports).status_code == 200

    unrated, pain_free, thoracic = listed_check_ins(dashboard, world)

    assert "pain not rated" in unrated and "no pain" not in unrated
    assert "confusion drowsiness" in unrated
    assert "no pain" in pain_free and "pain not rated" not in pain_free
    assert "8/10" in thoracic


def test_the_record_page_says_pain_not_rated(api, world, dashboard):
    unrated = check_in(1, symptoms=["confusion_drowsiness"], pain_rated=False)
    assert push(api, reports=[unrated]).status_code == 200

    page = dashboard.get(f"/patients/{world.patient_a.id}/records/{unrated['id']}")

    text = " ".join(page.get_data(as_text=True).split())
    assert page.status_code == 200
    assert "<dt>Pain</dt><dd>pain not rated</dd>" in text


def test_a_day_with_only_an_unrated_check_in_has_no_point_on_the_trend(api, world, dashboard):
    reports = [
        report_wire(datetime.now(UTC).date() - timedelta(days=2), site("femur_left", 5)),
        check_in(0.5, symptoms=["thirst"], pain_rated=False),
    ]
    assert push(api, reports=reports).status_code == 200

    row = worklist_row(dashboard, world)

    assert "5/10 on the last day pain was rated, peak 5/10, 1 days logged" in row
    assert "not reporting" not in row

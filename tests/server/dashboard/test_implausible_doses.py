"""A dose far above usual doses (issue 18): struck through with "check with the patient" in the
patient page's dose list, left out of the OME chart, and one wild day cannot flatten the chart."""

from __future__ import annotations

import re
from datetime import date, timedelta

from server.dashboard.svg.pain_chart import OME_AXIS_MOST, Scale, ome_bars
from tests.server.sync.pushes import a_dose, push

FIRST = date(2026, 11, 1)


def dose_rows(dashboard, world) -> list[str]:
    page = dashboard.get(f"/patients/{world.patient_a.id}").get_data(as_text=True)
    found = re.search(
        r'<section class="card" aria-labelledby="doses-heading".*?</section>', page, re.S
    )
    assert found, "the page lists no doses"
    return [" ".join(row.split()) for row in re.findall(r"<tr>(.*?)</tr>", found.group(0), re.S)]


def test_an_implausible_dose_is_struck_through_with_check_with_the_patient(api, world, dashboard):
    doses = [
        a_dose(2, medication="morphine", amount=100_000),
        a_dose(1, medication="morphine", amount=30),
    ]
    assert push(api, doses=doses).status_code == 200

    _, usual, wild = dose_rows(dashboard, world)

    assert "<s>100000 mg oral</s>" in wild and "check with the patient" in wild
    assert "30 mg oral" in usual and "<s>" not in usual and "check with" not in usual


def test_the_ome_chart_leaves_the_implausible_dose_out(api, world, dashboard):
    assert push(api, doses=[a_dose(1, medication="morphine", amount=100_000)]).status_code == 200

    page = dashboard.get(f"/patients/{world.patient_a.id}").get_data(as_text=True)

    assert 'data-ome="100000"' not in page


def bars(values: list[float]) -> str:
    days = [(FIRST + timedelta(days=n), value) for n, value in enumerate(values)]
    return ome_bars(days, Scale(FIRST, len(values)))


def heights(svg: str) -> list[float]:
    return [float(h) for h in re.findall(r'<rect class="ome[^"]*" [^>]*height="([\d.]+)"', svg)]


def test_one_wild_day_does_not_flatten_the_ome_chart():
    svg = bars([60, 60, OME_AXIS_MOST * 25])

    assert f">{OME_AXIS_MOST:.0f}+</text>" in svg
    assert heights(svg)[0] > 0.5
    assert svg.count('class="ome clipped"') == 1
    assert 'data-ome="100000"' in svg


def test_an_ome_chart_within_the_plausible_range_is_scaled_to_its_highest_day():
    svg = bars([30, 60])

    assert ">60</text>" in svg and "clipped" not in svg
    assert heights(svg) == [30.0, 60.0]

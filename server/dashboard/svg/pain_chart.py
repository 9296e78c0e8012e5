"""The pain chart: daily scores per site over 30 or 90 days, treatments marked, OME beneath.

Radiotherapy shows as a band from its first to its last day; other treatments as a line on
the day given. Points carry `data-series`, `data-day` and `data-value`; OME bars `data-day` and
`data-ome`, so what is drawn can be checked against the records. The OME axis stops at
`OME_AXIS_MOST`: a day above it is drawn full height and marked, so one wild day cannot flatten
every other bar to nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from markupsafe import Markup, escape

from server.dashboard.data.patient_page import DailyScores
from server.dashboard.svg.shades import SERIES_COLOURS
from server.dashboard.words import site_label
from shared.records import Treatment

WIDTH = 760
LEFT, RIGHT = 44, 16
PAIN_TOP, PAIN_HEIGHT = 24, 190
OME_TOP, OME_HEIGHT = 250, 60
HEIGHT = OME_TOP + OME_HEIGHT + 30
# [design] mg/day: twice the largest plausible single oral morphine dose (shared.vocab.dose_limits).
OME_AXIS_MOST = 4000.0


class Scale:
    def __init__(self, first: date, days: int) -> None:
        self.first = first
        self.step = (WIDTH - LEFT - RIGHT) / max(days - 1, 1)

    def x(self, day: date) -> float:
        return LEFT + (day - self.first).days * self.step

    def pain_y(self, score: float) -> float:
        return PAIN_TOP + PAIN_HEIGHT - score * PAIN_HEIGHT / 10


def pain_chart(
    series: list[DailyScores],
    ome: list[tuple[date, float]],
    treatments: list[Treatment],
    first: date,
    days: int,
) -> Markup:
    scale = Scale(first, days)
    last = first + timedelta(days=days - 1)
    parts = [
        treatment_marks(treatments, scale, first, last),
        pain_axes(scale, first, last, days),
        *(
            line(one, SERIES_COLOURS[n % len(SERIES_COLOURS)], scale)
            for n, one in enumerate(series)
        ),
        ome_bars(ome, scale),
        legend(series),
    ]
    shown = ", ".join(site_label(one.site) for one in series) or "no site with pain"
    title = f"Daily pain score (0-10) from {first:%d %b} to {last:%d %b}: {shown}; daily OME below."
    return Markup(
        f'<svg class="pain-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="chart-title"><title id="chart-title">{escape(title)}</title>'
        f"{''.join(parts)}</svg>"
    )


def pain_axes(scale: Scale, first: date, last: date, days: int) -> str:
    out = []
    for score in (0, 4, 7, 10):
        y = scale.pain_y(score)
        out.append(rule_line(y))
        out.append(tick(LEFT - 6, y + 4, str(score), "end"))
    every = 7 if days <= 30 else 14
    day = first
    while day <= last:
        x = scale.x(day)
        out.append(tick(x, OME_TOP + OME_HEIGHT + 16, f"{day:%d %b}", "middle"))
        day += timedelta(days=every)
    out.append(f'<text class="axis-label" x="{LEFT}" y="14">Pain 0-10</text>')
    out.append(f'<text class="axis-label" x="{LEFT}" y="{OME_TOP - 6}">OME mg/day</text>')
    return "".join(out)


def treatment_marks(treatments: list[Treatment], scale: Scale, first: date, last: date) -> str:
    out = []
    for treatment in treatments:
        start = max(treatment.started_on, first)
        what = treatment_words(treatment)
        if treatment.kind == "radiotherapy":
            end = min(treatment.ended_on or treatment.started_on, last)
            x0 = scale.x(start) - scale.step / 2
            width = max(scale.x(end) - scale.x(start) + scale.step, 4)
            out.append(
                f'<rect class="rt-band" x="{x0:.1f}" y="{PAIN_TOP}" width="{width:.1f}" '
                f'height="{OME_TOP + OME_HEIGHT - PAIN_TOP}" data-treatment="{treatment.kind}">'
                f"<title>{escape(what)}</title></rect>"
                f'<text class="treatment-label" x="{x0 + 2:.1f}" y="{PAIN_TOP + 10}">RT</text>'
            )
        else:
            x = scale.x(start)
            out.append(
                f'<line class="treatment-line" x1="{x:.1f}" y1="{PAIN_TOP}" x2="{x:.1f}" '
                f'y2="{OME_TOP + OME_HEIGHT}" data-treatment="{treatment.kind}">'
                f"<title>{escape(what)}</title></line>"
                f'<text class="treatment-label" x="{x + 3:.1f}" y="{PAIN_TOP + 10}">'
                f"{escape(treatment.kind[:12])}</text>"
            )
    return "".join(out)


def treatment_words(treatment: Treatment) -> str:
    sites = ", ".join(site_label(site) for site in treatment.sites)
    ended = f" to {treatment.ended_on:%d %b %Y}" if treatment.ended_on else ""
    details = treatment.details
    dose = f", {details.dose_gy:g} Gy in {details.fractions or 1}" if details.dose_gy else ""
    return f"{treatment.kind} {sites} {treatment.started_on:%d %b %Y}{ended}{dose}".strip()


def line(one: DailyScores, colour: str, scale: Scale) -> str:
    segments: list[list[str]] = [[]]
    dots = []
    for day, score in one.points:
        if score is None:
            if segments[-1]:
                segments.append([])
            continue
        x, y = scale.x(day), scale.pain_y(score)
        segments[-1].append(f"{x:.1f},{y:.1f}")
        dots.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" data-series="{one.site}" '
            f'data-day="{day.isoformat()}" data-value="{score}">'
            f"<title>{escape(site_label(one.site))} {day:%d %b}: {score}/10</title></circle>"
        )
    lines = "".join(
        f'<polyline points="{" ".join(points)}"/>' for points in segments if len(points) > 1
    )
    return f'<g class="series" stroke="{colour}" fill="{colour}">{lines}{"".join(dots)}</g>'


def ome_bars(ome: list[tuple[date, float]], scale: Scale) -> str:
    highest = max((value for _, value in ome), default=0.0)
    top = min(highest, OME_AXIS_MOST)
    out = [rule_line(OME_TOP + OME_HEIGHT)]
    if top > 0:
        label = f"{top:.0f}+" if highest > top else f"{top:.0f}"
        out.append(tick(LEFT - 6, OME_TOP + 4, label, "end"))
    width = max(scale.step * 0.7, 1.5)
    for day, value in ome:
        if value <= 0:
            continue
        height = min(value, top) / top * OME_HEIGHT
        x = scale.x(day) - width / 2
        kind = "ome clipped" if value > top else "ome"
        out.append(
            f'<rect class="{kind}" x="{x:.1f}" y="{OME_TOP + OME_HEIGHT - height:.1f}" '
            f'width="{width:.1f}" height="{height:.1f}" data-day="{day.isoformat()}" '
            f'data-ome="{value:g}"><title>{day:%d %b}: {value:g} mg OME</title></rect>'
        )
    return "".join(out)


def rule_line(y: float) -> str:
    return f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'


def tick(x: float, y: float, label: str, anchor: str) -> str:
    return (
        f'<text class="tick" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(label)}</text>'
    )


def legend(series: list[DailyScores]) -> str:
    out, x = [], LEFT + 90
    for n, one in enumerate(series):
        colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
        label = escape(site_label(one.site))
        out.append(
            f'<rect x="{x}" y="5" width="14" height="4" fill="{colour}"/>'
            f'<text class="legend-label" x="{x + 18}" y="11">{label}</text>'
        )
        x += 26 + 7 * len(site_label(one.site))
    return f'<g class="legend" aria-hidden="true">{"".join(out)}</g>'

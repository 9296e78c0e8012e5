"""The worklist's 14-day trend: the highest pain score of each day as a small line."""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 112, 30, 3


def sparkline(trend: list[int | None]) -> Markup:
    logged = [score for score in trend if score is not None]
    if not logged:
        summary = "No check-ins with pain rated in the last 14 days"
    else:
        summary = (
            f"Highest daily pain over 14 days: {logged[-1]}/10 on the last day pain was rated, "
            f"peak {max(logged)}/10, {len(logged)} days logged"
        )
    step = (WIDTH - 2 * PAD) / max(len(trend) - 1, 1)
    segments: list[list[str]] = [[]]
    dots = []
    for index, score in enumerate(trend):
        if score is None:
            if segments[-1]:
                segments.append([])
            continue
        x = PAD + index * step
        y = HEIGHT - PAD - score * (HEIGHT - 2 * PAD) / 10
        segments[-1].append(f"{x:.1f},{y:.1f}")
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.6"/>')
    lines = "".join(
        f'<polyline points="{" ".join(points)}"/>' for points in segments if len(points) > 1
    )
    return Markup(
        f'<svg class="sparkline" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(summary)}"><title>{escape(summary)}</title>'
        f'<line class="axis" x1="0" y1="{HEIGHT - PAD}" x2="{WIDTH}" y2="{HEIGHT - PAD}"/>'
        f"{lines}{''.join(dots)}</svg>"
    )

"""Colours for a 0-10 pain score, in four bands a tired eye tells apart (and a legend names)."""

from __future__ import annotations

NO_DATA = "#ffffff"
BANDS = (
    (0, "#e2e8f0", "no pain"),
    (3, "#fde68a", "mild (1-3)"),
    (6, "#fb923c", "moderate (4-6)"),
    (10, "#dc2626", "severe (7-10)"),
)
SERIES_COLOURS = ("#1d4ed8", "#b91c1c", "#047857", "#7c3aed")


def shade(score: int | None) -> str:
    if score is None:
        return NO_DATA
    for highest, colour, _ in BANDS:
        if score <= highest:
            return colour
    return BANDS[-1][1]

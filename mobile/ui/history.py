"""History: each site's pain over the last 30 days as lines, treatments marked, and the entries.

The chart is drawn with Kivy graphics: one line per site (up to four, the worst first), a dot
on every day with a check-in, and a dashed upright line on the day of each treatment.
"""

# mypy: disable-error-code="misc"

from datetime import timedelta
from typing import Any

from kivy.graphics import Color, Ellipse, Line, Rectangle  # type: ignore[import-untyped]
from kivy.metrics import dp  # type: ignore[import-untyped]
from kivy.properties import ObjectProperty  # type: ignore[import-untyped]
from kivy.uix.widget import Widget  # type: ignore[import-untyped]

from mobile.presenters import HistoryEntry
from mobile.presenters.trends import Trends
from mobile.store import State
from mobile.ui.base import PhoneScreen
from mobile.ui.widgets import Body

LINE_COLOURS = (
    (0.70, 0.10, 0.10, 1),
    (0.0, 0.40, 0.43, 1),
    (0.55, 0.25, 0.65, 1),
    (0.85, 0.50, 0.05, 1),
)
MAX_LINES = len(LINE_COLOURS)
STATE_WORDS = {
    State.PENDING: "waiting to send",
    State.SYNCED: "sent",
    State.REJECTED: "could not send",
}


class PainChart(Widget):
    trends = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bind(pos=self.redraw, size=self.redraw, trends=self.redraw)

    def plot_box(self) -> tuple[float, float, float, float]:
        return self.x + dp(28), self.y + dp(22), self.width - dp(36), self.height - dp(30)

    def point(self, day: int, score: float) -> tuple[float, float]:
        x, y, w, h = self.plot_box()
        days = self.trends.days if self.trends else 30
        return x + w * day / max(1, days - 1), y + h * score / 10

    def redraw(self, *args: Any) -> None:
        # canvas.before: the axis labels (children) draw on top.
        self.canvas.before.clear()
        x, y, w, h = self.plot_box()
        with self.canvas.before:
            Color(1, 1, 1, 1)
            Rectangle(pos=(x, y), size=(w, h))
            Color(0.85, 0.86, 0.87, 1)
            for score in (0, 5, 10):
                Line(points=[x, y + h * score / 10, x + w, y + h * score / 10], width=1)
            trends: Trends | None = self.trends
            if trends is None:
                return
            Color(0.36, 0.38, 0.42, 1)
            for mark in trends.treatments:
                px, _ = self.point(mark.day, 0)
                Line(points=[px, y, px, y + h], width=1.5, dash_length=6, dash_offset=4)
            for colour, site in zip(LINE_COLOURS, trends.sites[:MAX_LINES], strict=False):
                Color(*colour)
                points = [self.point(day, score) for day, score in sorted(site.scores.items())]
                if len(points) > 1:
                    Line(points=[v for p in points for v in p], width=dp(1.5))
                for px, py in points:
                    Ellipse(pos=(px - dp(3.5), py - dp(3.5)), size=(dp(7), dp(7)))


class HistoryScreen(PhoneScreen):
    title = "Your history"
    trends = ObjectProperty(None, allownone=True)

    def refresh(self) -> None:
        history = self.phone.history
        self.run(lambda: (history.trends(), history.entries(limit=60)), self._loaded)

    def _loaded(self, found: tuple[Trends, list[HistoryEntry]] | BaseException) -> None:
        box = self.ids.entries
        box.clear_widgets()
        if isinstance(found, BaseException):
            box.add_widget(Body(text="Your history could not be read."))
            return
        self.trends, entries = found
        for entry in entries:
            state = STATE_WORDS[entry.state]
            text = f"[b]{entry.at:%a %d %b %H:%M}[/b]  {entry.summary}\n[size=14sp]{state}[/size]"
            if entry.problem:
                text += f"[size=14sp]: {entry.problem}[/size]"
            box.add_widget(Body(text=text, markup=True))
        if not entries:
            box.add_widget(Body(text="Nothing yet. Your check-ins and doses will show here."))

    def legend(self, trends: Trends | None) -> list[tuple[str, tuple[float, ...]]]:
        if trends is None:
            return []
        return [
            (site.label, colour)
            for colour, site in zip(LINE_COLOURS, trends.sites[:MAX_LINES], strict=False)
        ]

    def legend_markup(self, trends: Trends | None) -> str:
        parts = [
            f"[color={_hex(colour)}][b]\u2014[/b][/color] {label}"
            for label, colour in self.legend(trends)
        ]
        if trends is not None:
            for mark in trends.treatments:
                day = trends.first_day + timedelta(days=mark.day)
                parts.append(f"[color=5c6066][b]|[/b][/color] {mark.label} {day:%d %b}")
        if not parts:
            return "No pain logged in the last 30 days."
        return "    ".join(parts)


def _hex(colour: tuple[float, ...]) -> str:
    return "".join(f"{int(channel * 255):02x}" for channel in colour[:3])

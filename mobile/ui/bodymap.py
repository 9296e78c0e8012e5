"""The body map: front and back figures side by side, drawn with Kivy graphics; tap a site.

Shapes are in a unit box per figure (x right, y up). The front figure faces the patient, so
their right side is on the left of the screen; the back figure shows their left on the left.
A tap picks the nearest site centre within reach, so narrow sites (the spine) still get a
target of at least 48 dp.
"""

# mypy: disable-error-code="misc"

from dataclasses import dataclass
from typing import Any

from kivy.graphics import Color, Ellipse, Line, Rectangle  # type: ignore[import-untyped]
from kivy.metrics import dp  # type: ignore[import-untyped]
from kivy.properties import DictProperty, StringProperty  # type: ignore[import-untyped]
from kivy.uix.widget import Widget  # type: ignore[import-untyped]

FRONT, BACK = "front", "back"
ASPECT = 2.0  # figure height / width


@dataclass(frozen=True)
class Shape:
    site: str
    view: str
    round: bool
    x: float
    y: float
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


def _sided(site: str, round: bool, x: float, y: float, w: float, h: float) -> list[Shape]:
    """A left/right pair: the patient's right is on the viewer's left in front, right at back."""
    mirror = 1 - x - w
    return [
        Shape(f"{site}_right", FRONT, round, x, y, w, h),
        Shape(f"{site}_left", FRONT, round, mirror, y, w, h),
        Shape(f"{site}_left", BACK, round, x, y, w, h),
        Shape(f"{site}_right", BACK, round, mirror, y, w, h),
    ]


SHAPES: tuple[Shape, ...] = (
    Shape("skull", FRONT, True, 0.38, 0.85, 0.24, 0.13),
    Shape("skull", BACK, True, 0.38, 0.85, 0.24, 0.13),
    Shape("jaw", FRONT, True, 0.43, 0.815, 0.14, 0.045),
    Shape("sternum", FRONT, False, 0.46, 0.61, 0.08, 0.16),
    Shape("pelvis", FRONT, False, 0.38, 0.45, 0.24, 0.08),
    Shape("spine_cervical", BACK, False, 0.465, 0.77, 0.07, 0.065),
    Shape("spine_thoracic", BACK, False, 0.465, 0.61, 0.07, 0.15),
    Shape("spine_lumbar", BACK, False, 0.465, 0.53, 0.07, 0.07),
    Shape("sacrum", BACK, False, 0.455, 0.45, 0.09, 0.07),
    *_sided("ribs", False, 0.33, 0.58, 0.11, 0.17),
    *_sided("shoulder", True, 0.2, 0.72, 0.13, 0.07),
    *_sided("humerus", False, 0.18, 0.56, 0.09, 0.15),
    *_sided("forearm", False, 0.1, 0.38, 0.09, 0.17),
    *_sided("hip", True, 0.26, 0.42, 0.12, 0.09),
    *_sided("femur", False, 0.36, 0.23, 0.11, 0.18),
    *_sided("tibia", False, 0.37, 0.03, 0.1, 0.18),
)

# The outline of a person, behind the sites: torso, neck and limbs as soft grey shapes.
SILHOUETTE = (
    (True, 0.4, 0.84, 0.2, 0.14),
    (False, 0.45, 0.76, 0.1, 0.08),
    (False, 0.31, 0.45, 0.38, 0.32),
    (False, 0.19, 0.55, 0.1, 0.2),
    (False, 0.71, 0.55, 0.1, 0.2),
    (False, 0.11, 0.37, 0.1, 0.2),
    (False, 0.79, 0.37, 0.1, 0.2),
    (False, 0.35, 0.02, 0.14, 0.43),
    (False, 0.51, 0.02, 0.14, 0.43),
)

IDLE = (0.78, 0.82, 0.85, 1)
BODY = (0.91, 0.92, 0.93, 1)
OUTLINE = (0.0, 0.40, 0.43, 1)


def score_colour(score: int | None) -> tuple[float, float, float, float]:
    """Pale amber at 0 to deep red at 10; a site without a score yet is teal."""
    if score is None:
        return (0.35, 0.65, 0.68, 1)
    t = max(0, min(10, score)) / 10
    return (0.98 - 0.3 * t, 0.8 - 0.68 * t, 0.45 - 0.33 * t, 1)


class BodyMap(Widget):
    """`marked` maps each chosen site to its score (None until scored); `active` is outlined.

    Dispatches `on_site(site)` when a site is tapped.
    """

    marked = DictProperty({})
    active = StringProperty("")

    __events__ = ("on_site",)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bind(pos=self.redraw, size=self.redraw, marked=self.redraw, active=self.redraw)

    def on_site(self, site: str) -> None:
        pass

    def figure_box(self, view: str) -> tuple[float, float, float, float]:
        """x, y, width, height of one figure in this widget's coordinates."""
        height = max(1.0, min(self.height - dp(28), self.width / 2 * ASPECT * 0.92))
        width = height / ASPECT
        centre_x = self.x + self.width * (0.25 if view == FRONT else 0.75)
        return centre_x - width / 2, self.y + dp(26), width, height

    def _place(self, view: str, x: float, y: float, w: float, h: float) -> tuple[float, ...]:
        bx, by, bw, bh = self.figure_box(view)
        return bx + x * bw, by + y * bh, w * bw, h * bh

    def site_centre(self, site: str, view: str | None = None) -> tuple[float, float]:
        """The window position of a site's centre (the front figure's when on both)."""
        shape = next(s for s in SHAPES if s.site == site and view in (None, s.view))
        x, y, w, h = self._place(shape.view, shape.x, shape.y, shape.w, shape.h)
        return self.to_window(x + w / 2, y + h / 2)  # type: ignore[no-any-return]

    def redraw(self, *args: Any) -> None:
        self._place_marks()
        self.canvas.before.clear()
        with self.canvas.before:
            for view in (FRONT, BACK):
                Color(*BODY)
                for round_, *box in SILHOUETTE:
                    x, y, w, h = self._place(view, *box)
                    (Ellipse if round_ else Rectangle)(pos=(x, y), size=(w, h))
            for shape in SHAPES:
                x, y, w, h = self._place(shape.view, shape.x, shape.y, shape.w, shape.h)
                chosen = shape.site in self.marked
                Color(*(score_colour(self.marked[shape.site]) if chosen else IDLE))
                (Ellipse if shape.round else Rectangle)(pos=(x, y), size=(w, h))
                if shape.site == self.active:
                    Color(*OUTLINE)
                    if shape.round:
                        Line(ellipse=(x - 2, y - 2, w + 4, h + 4), width=dp(2))
                    else:
                        Line(rectangle=(x - 2, y - 2, w + 4, h + 4), width=dp(2))

    def _place_marks(self) -> None:
        for view, left, right in (
            (FRONT, "front_right", "front_left"),
            (BACK, "back_left", "back_right"),
        ):
            x, _, w, h = self.figure_box(view)
            top = self.y + dp(26) + h - dp(20)
            if left in self.ids:
                self.ids[left].pos = (x - dp(14), top)
                self.ids[right].pos = (x + w - dp(6), top)

    def site_at(self, x: float, y: float) -> str | None:
        """The site nearest to (x, y) in the figure it falls in, within 32 dp of its centre."""
        best: tuple[float, str] | None = None
        for shape in SHAPES:
            bx, by, bw, bh = self.figure_box(shape.view)
            if not (bx - dp(24) <= x <= bx + bw + dp(24)):
                continue
            cx, cy = bx + shape.centre[0] * bw, by + shape.centre[1] * bh
            distance = ((cx - x) ** 2 + (cy - y) ** 2) ** 0.5
            if distance <= dp(32) and (best is None or distance < best[0]):
                best = (distance, shape.site)
        return None if best is None else best[1]

    def on_touch_down(self, touch: Any) -> bool:
        if not self.collide_point(*touch.pos):
            return False
        site = self.site_at(*touch.pos)
        if site is None:
            return False
        self.dispatch("on_site", site)
        return True

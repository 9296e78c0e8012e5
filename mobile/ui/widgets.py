"""Building blocks every screen shares: large buttons and chips (48 dp or more), wrapped text.

Colours and sizes live in `widgets.kv`; the classes exist so screens and tests can name them.
"""

# mypy: disable-error-code="misc"

from kivy.properties import ColorProperty, StringProperty  # type: ignore[import-untyped]
from kivy.uix.button import Button  # type: ignore[import-untyped]
from kivy.uix.label import Label  # type: ignore[import-untyped]
from kivy.uix.togglebutton import ToggleButton  # type: ignore[import-untyped]


class BigButton(Button):
    """A full-width action: at least 52 dp tall, 18 sp text, filled with `tint`."""

    tint = ColorProperty((0.0, 0.40, 0.43, 1))


class QuietButton(Button):
    """A secondary action, outlined rather than filled."""


class Chip(ToggleButton):
    """A choice that stays on until tapped again; `code` is the vocabulary code it stands for."""

    code = StringProperty("")


class CheckRow(ToggleButton):
    """One line of a checklist: a box and its words, the whole row tappable."""

    code = StringProperty("")


class Heading(Label):
    pass


class Body(Label):
    """Wrapped text that grows to fit its lines."""


class Hint(Label):
    """Smaller grey text that wraps: help under a field, an error in red."""

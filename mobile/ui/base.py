"""What every screen shares: the phone's presenters, the shell, and work off the UI thread.

`run(work, done)` runs `work` on the phone's task thread and calls `done(result)` back on the
UI thread (`@mainthread`); an exception arrives as the result, so a screen can say so.
"""

# mypy: disable-error-code="misc"

from collections.abc import Callable
from typing import Any, TypeVar

from kivy.clock import mainthread  # type: ignore[import-untyped]
from kivy.properties import ObjectProperty  # type: ignore[import-untyped]
from kivy.uix.screenmanager import Screen  # type: ignore[import-untyped]

Result = TypeVar("Result")


class PhoneScreen(Screen):
    phone = ObjectProperty(None)
    shell = ObjectProperty(None)
    title = "Painline"

    def run(
        self, work: Callable[[], Result], done: Callable[[Result | BaseException], None]
    ) -> None:
        self.phone.tasks.submit(work, mainthread(done))

    def on_enter(self, *args: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Reload what the screen shows (off the UI thread); called on every visit."""

"""Window tests of the phone screens: a real Kivy window, rendered offscreen by SDL.

Kivy reads its configuration when it is first imported, so this file sets it before any test
module here imports Kivy: a throwaway KIVY_HOME, no command-line parsing, the offscreen video
driver, a 360 x 640 portrait window. The phone's other tests never import Kivy.

Without a working OpenGL (mesa) the window cannot open: these tests then skip with the reason
(under CI=true a skip is a failure, see tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

KIVY_HOME = tempfile.mkdtemp(prefix="painline-kivy-")
os.environ["KIVY_HOME"] = KIVY_HOME
os.environ["KIVY_NO_ARGS"] = "1"
# Kivy leaves Python logging and sys.stderr alone (the server in a thread logs through them).
os.environ["KIVY_LOG_MODE"] = "PYTHON"
os.environ["KIVY_NO_CONSOLELOG"] = "1"
os.environ["KIVY_NO_FILELOG"] = "1"
os.environ["SDL_VIDEODRIVER"] = "offscreen"
os.environ.pop("KIVY_WINDOW", None)  # the default (sdl2) window provider

PHONE_SIZE = (360, 640)
TABLET_SIZE = (800, 1280)

PROBE = "from kivy.core.window import Window; assert Window is not None; print(Window.size)"


@cache
def window_unavailable() -> str | None:
    """Why no Kivy window can open here (one line), or None when it can."""
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "KIVY_NO_CONSOLELOG": "0"},
    )
    if probe.returncode == 0:
        return None
    lines = [line for line in (probe.stderr + probe.stdout).splitlines() if line.strip()]
    return "no Kivy window (offscreen SDL/OpenGL): " + (lines[-1] if lines else "unknown error")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.window)


def pytest_sessionfinish() -> None:
    shutil.rmtree(KIVY_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def window() -> Any:
    reason = window_unavailable()
    if reason:
        pytest.skip(reason)
    from kivy.config import Config

    Config.set("graphics", "width", str(PHONE_SIZE[0]))
    Config.set("graphics", "height", str(PHONE_SIZE[1]))
    Config.set("input", "mouse", "mouse,disable_multitouch")
    from kivy.core.window import Window

    from mobile.ui import load_kv

    load_kv()
    Window.clearcolor = (0.98, 0.97, 0.95, 1)
    return Window


@pytest.fixture
def phone_size(window: Any) -> Iterator[Any]:
    window.size = PHONE_SIZE
    yield window


def settle(phone: Any, frames: int = 3, timeout: float = 10.0) -> None:
    """Finish the phone's queued background work and run the Clock until its callbacks ran.

    The Clock is advanced by hand: each tick runs what `@mainthread` scheduled.
    """
    from kivy.base import EventLoop
    from kivy.clock import Clock

    phone.tasks.submit(lambda: None, lambda _: None).result(timeout)
    for _ in range(frames):
        Clock.tick()
        EventLoop.idle()


class Finger:
    """Taps widgets where a person would: at their centre on screen, counting every tap."""

    def __init__(self, phone: Any) -> None:
        self.phone = phone
        self.taps = 0

    def tap_at(self, x: float, y: float) -> None:
        from kivy.tests.common import UnitTestTouch

        touch = UnitTestTouch(x, y)
        touch.touch_down()
        touch.touch_up()
        self.taps += 1
        # A ScrollView hands a tap to its children after its scroll timeout (0.2 s).
        pause(0.25)
        settle(self.phone)

    def tap(self, widget: Any) -> None:
        """Tap a widget a person can see: on screen, not scrolled out of view, enabled."""
        assert widget.get_root_window() is not None, f"{widget} is not on screen"
        assert widget.opacity > 0 and not widget.disabled, f"{widget} cannot be tapped"
        x, y = widget.to_window(*widget.center)
        assert visible(widget, x, y), f"{getattr(widget, 'text', widget)!r} is scrolled out of view"
        self.tap_at(x, y)


def visible(widget: Any, x: float, y: float) -> bool:
    from kivy.uix.scrollview import ScrollView

    parent = widget.parent
    while parent is not None and parent is not parent.parent:
        if isinstance(parent, ScrollView):
            left, bottom = parent.to_window(parent.x, parent.y)
            if not (left <= x <= left + parent.width and bottom <= y <= bottom + parent.height):
                return False
        parent = parent.parent
    return True


def scroll_to(scroll: Any, widget: Any) -> None:
    """What a swipe does: bring `widget` into the scroll view (not counted as a tap)."""
    from kivy.clock import Clock

    scroll.scroll_to(widget, animate=False)
    Clock.tick()


def pause(seconds: float) -> None:
    from kivy.base import EventLoop
    from kivy.clock import Clock

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        Clock.tick()
        EventLoop.idle()
        time.sleep(0.01)


@pytest.fixture
def phone(tmp_path: Path, recent_clock: Any) -> Iterator[Any]:
    from mobile.phone import Phone
    from mobile.store import Store
    from mobile.sync import Backoff

    made = Phone(Store.in_directory(tmp_path / "phone"), recent_clock, backoff=Backoff(0.01, 0.05))
    yield made
    made.stop()


@pytest.fixture
def recent_clock() -> Any:
    from datetime import datetime, timedelta

    from tests.mobile.builders import PARIS_WINTER, FakeClock

    return FakeClock(datetime.now(PARIS_WINTER).replace(microsecond=0) - timedelta(hours=1))


@pytest.fixture
def shell(phone_size: Any, phone: Any) -> Iterator[Any]:
    """The app's root widget on the window, first screen chosen, nothing synced automatically."""
    from kivy.uix.modalview import ModalView

    from mobile.ui.shell import Shell

    made = Shell(phone)
    phone_size.add_widget(made)
    made.begin()
    settle(phone)
    yield made
    for child in list(phone_size.children):
        if isinstance(child, ModalView):
            child.dismiss(animation=False)
    made.reminder.stop()
    phone_size.remove_widget(made)
    settle(phone)


@pytest.fixture
def enrolled_shell(shell: Any, phone: Any) -> Any:
    """The shell of a phone enrolled without a server, on its first screen."""
    from tests.mobile.ui.test_checkin_screen import enroll_offline

    enroll_offline(phone)
    shell.begin()
    settle(phone)
    return shell


@pytest.fixture
def finger(phone: Any) -> Finger:
    return Finger(phone)

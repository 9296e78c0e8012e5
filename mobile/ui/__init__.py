"""The Kivy layer: one `name.py` + `name.kv` pair per screen, over the Kivy-free presenters.

kv files own layout; Python owns behaviour. `load_kv()` reads every kv file once; the app
calls it in `build()` and the window tests call it before building screens.
"""

from pathlib import Path

KV_FILES = (
    "widgets",
    "bodymap",
    "safetynet",
    "enroll",
    "lock",
    "checkin",
    "doses",
    "history",
    "messages",
    "settings",
    "shell",
)

_loaded: list[str] = []


def load_kv() -> None:
    from kivy.lang import Builder  # type: ignore[import-untyped]

    # Importing the widget modules registers their classes for the kv rules that use them.
    from mobile.ui import bodymap, history, widgets  # noqa: F401

    for name in KV_FILES:
        if name not in _loaded:
            Builder.load_file(str(Path(__file__).with_name(f"{name}.kv")))
            _loaded.append(name)

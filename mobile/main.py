"""The Painline phone app: `python -m mobile` (or the Android package) starts it here.

The app opens the phone's store in its data folder, builds the shell of screens and starts the
background sync. The server address comes from the enrollment stored on the phone; before
enrollment, `PAINLINE_SERVER` (set by `make mobile`) fills in the server field.
`PAINLINE_PHONE_DATA` points the app at another data folder (a second test phone on one desktop).
"""

# mypy: disable-error-code="misc, untyped-decorator"

import os
from typing import Any

from kivy.app import App  # type: ignore[import-untyped]
from kivy.clock import mainthread  # type: ignore[import-untyped]
from kivy.core.window import Window  # type: ignore[import-untyped]

from mobile.phone import Phone
from mobile.sync import SyncResult
from mobile.ui import load_kv
from mobile.ui.shell import Shell

DATA_VARIABLE = "PAINLINE_PHONE_DATA"


class PainlineApp(App):
    title = "Painline"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.phone: Phone | None = None
        self.shell: Shell | None = None

    def build(self) -> Shell:
        load_kv()
        Window.clearcolor = (0.98, 0.97, 0.95, 1)
        # Keep the focused field above the on-screen keyboard.
        Window.softinput_mode = "below_target"
        data_dir = os.environ.get(DATA_VARIABLE) or self.user_data_dir
        self.phone = Phone.open(data_dir, on_sync_result=self._sync_result)
        self.shell = Shell(self.phone)
        return self.shell

    def on_start(self) -> None:
        assert self.phone is not None and self.shell is not None
        self.phone.start()
        self.shell.begin()

    def on_resume(self) -> None:
        if self.phone is not None:
            self.phone.runner.sync_now()

    def on_pause(self) -> bool:
        return True  # keep running in the background on Android

    def on_stop(self) -> None:
        if self.shell is not None:
            self.shell.reminder.stop()
        if self.phone is not None:
            self.phone.stop()

    @mainthread
    def _sync_result(self, result: SyncResult) -> None:
        if self.shell is not None:
            self.shell.on_sync_result(result)


def main() -> None:
    PainlineApp().run()

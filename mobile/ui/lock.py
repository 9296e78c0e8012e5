"""Lock: the optional PIN asked for when the app opens (set on the settings screen)."""

# mypy: disable-error-code="misc"

from kivy.properties import StringProperty  # type: ignore[import-untyped]

from mobile.ui.base import PhoneScreen


class LockScreen(PhoneScreen):
    title = "Painline"
    error = StringProperty("")

    def unlock(self) -> None:
        pin = self.ids.pin.text
        self.run(lambda: self.phone.preferences.check_pin(pin), self._checked)

    def _checked(self, ok: bool | BaseException) -> None:
        self.ids.pin.text = ""
        if ok is True:
            self.error = ""
            self.shell.unlocked()
        else:
            self.error = "That PIN is not right. Try again."

"""Settings: the daily reminder time, the server this phone sends to, a PIN, and sign-out.

Sign-out never loses an unsent entry silently: the first tap says how many would be lost and
offers to send them first; a second tap signs out anyway.
"""

# mypy: disable-error-code="misc"

from kivy.properties import NumericProperty, ObjectProperty, StringProperty  # type: ignore[import-untyped]

from mobile.presenters import SignOutResult
from mobile.presenters.preferences import Preferences
from mobile.ui.base import PhoneScreen


class SettingsScreen(PhoneScreen):
    title = "Settings"
    prefs = ObjectProperty(None, allownone=True)
    status = StringProperty("")
    error = StringProperty("")
    unsynced_warning = NumericProperty(0)

    def refresh(self) -> None:
        self.unsynced_warning = 0
        self.run(self.phone.preferences.view, self._loaded)

    def _loaded(self, prefs: Preferences | BaseException) -> None:
        if isinstance(prefs, Preferences):
            self.prefs = prefs
            self.ids.reminder.text = prefs.reminder_time

    def save_reminder(self) -> None:
        text = self.ids.reminder.text
        self.run(lambda: self.phone.preferences.set_reminder_time(text), self._reminder_saved)

    def _reminder_saved(self, problem: str | BaseException | None) -> None:
        if problem is None:
            self.error, self.status = "", "Reminder saved."
            self.shell.reminder_changed()
            self.refresh()
        else:
            self.error = str(problem)

    def save_pin(self) -> None:
        pin = self.ids.pin.text
        self.run(lambda: self.phone.preferences.set_pin(pin), self._pin_saved)

    def _pin_saved(self, problem: str | BaseException | None) -> None:
        self.ids.pin.text = ""
        if problem is None:
            self.error, self.status = "", "PIN saved."
            self.refresh()
        else:
            self.error = str(problem)

    def sign_out(self) -> None:
        accept = self.unsynced_warning > 0
        self.run(lambda: self.phone.sign_out.sign_out(accept_loss=accept), self._signed_out)

    def _signed_out(self, result: SignOutResult | BaseException) -> None:
        if isinstance(result, BaseException):
            self.error = "Sign-out failed on this phone. Try again."
        elif result.signed_out:
            self.unsynced_warning = 0
            self.shell.go("enroll")
        else:
            self.unsynced_warning = result.unsynced
            self.phone.runner.sync_now()

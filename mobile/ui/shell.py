"""The app's frame: a title bar, a banner (reminders, sync trouble), the screens, a tab bar.

It owns what outlives a screen: the care team's helpline as last read from the phone (so the
call-now message needs neither disk nor network when a warning sign is ticked), the open
safety-net message, and the first screen (enroll, the PIN, or the check-in).
"""

# mypy: disable-error-code="misc"

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from kivy.properties import (  # type: ignore[import-untyped]
    BooleanProperty,
    ObjectProperty,
    StringProperty,
)
from kivy.uix.boxlayout import BoxLayout  # type: ignore[import-untyped]
from kivy.uix.screenmanager import NoTransition  # type: ignore[import-untyped]

from mobile.safety import CALL_NOW_TEXT, SafetyNet, call_now, reasons_for
from mobile.sync import NotEnrolled, SyncResult, TokenRevoked, UpgradeRequired
from mobile.ui.base import PhoneScreen
from mobile.ui.checkin import CheckInScreen
from mobile.ui.doses import DosesScreen
from mobile.ui.enroll import EnrollScreen
from mobile.ui.history import HistoryScreen
from mobile.ui.lock import LockScreen
from mobile.ui.messages import MessagesScreen
from mobile.ui.reminder import DailyReminder
from mobile.ui.safetynet import SafetyNetView
from mobile.ui.settings import SettingsScreen

SCREENS = (
    EnrollScreen,
    LockScreen,
    CheckInScreen,
    DosesScreen,
    HistoryScreen,
    MessagesScreen,
    SettingsScreen,
)


class Shell(BoxLayout):
    phone = ObjectProperty(None)
    title = StringProperty("Painline")
    sync_text = StringProperty("")
    banner = StringProperty("")
    tabs_shown = BooleanProperty(False)

    def __init__(self, phone: Any, **kwargs: Any) -> None:
        self.contact = SafetyNet(CALL_NOW_TEXT, None, None, ())
        self.safety_view: SafetyNetView | None = None
        super().__init__(phone=phone, **kwargs)
        self.reminder = DailyReminder(phone.clock, self.show_banner)
        manager = self.ids.screens
        manager.transition = NoTransition()
        for screen_class in SCREENS:
            manager.add_widget(screen_class(phone=phone, shell=self))
        manager.bind(current=self._screen_changed)
        self._screen_changed(manager, manager.current)

    def screen(self, name: str) -> PhoneScreen:
        return self.ids.screens.get_screen(name)  # type: ignore[no-any-return]

    @property
    def current(self) -> str:
        return str(self.ids.screens.current)

    def begin(self) -> None:
        """Choose the first screen from what the phone holds (read off the UI thread)."""

        def facts() -> tuple[bool, bool, SafetyNet]:
            enrolled = self.phone.enrollment.is_enrolled()
            return enrolled, self.phone.preferences.view().has_pin, call_now(self.phone.store)

        self.screen("checkin").run(facts, self._begin)

    def _begin(self, found: tuple[bool, bool, SafetyNet] | BaseException) -> None:
        if isinstance(found, BaseException):
            self.go("enroll")
            return
        enrolled, has_pin, contact = found
        self.contact = contact
        self.reminder_changed()
        self.go("lock" if has_pin else ("checkin" if enrolled else "enroll"))

    def go(self, name: str) -> None:
        self.ids.screens.current = name

    def _screen_changed(self, manager: Any, name: str) -> None:
        self.title = manager.get_screen(name).title
        self.tabs_shown = name not in ("enroll", "lock")
        for tab in self.ids.tabs.children:
            tab.state = "down" if tab.code == name else "normal"

    def enrolled(self) -> None:
        self.phone.runner.sync_now()
        self.go("checkin")

    def unlocked(self) -> None:
        self.go("checkin")

    # Safety net.

    def show_call_now(self, check_failed: bool = False, symptoms: Iterable[str] = ()) -> None:
        """The helpline as last synced, at once: no disk, no network."""
        self.show_safety_net(replace(self.contact, reasons=reasons_for(symptoms)), check_failed)

    def show_safety_net(self, net: SafetyNet, check_failed: bool = False) -> None:
        if net.helpline is None and self.contact.helpline is not None:
            net = self.contact
        if self.safety_view is not None:
            self.safety_view.dismiss()
        self.safety_view = SafetyNetView.for_net(net, check_failed)
        self.safety_view.bind(on_dismiss=self._safety_closed)
        self.safety_view.open()

    def _safety_closed(self, view: SafetyNetView) -> None:
        if self.safety_view is view:
            self.safety_view = None

    # Results from the sync thread (already on the UI thread) and the reminder.

    def on_sync_result(self, result: SyncResult) -> None:
        error = result.error
        if error is None:
            pending = result.outcome.pending if result.outcome else 0
            self.sync_text = "All sent" if pending == 0 else f"{pending} waiting to send"
            self.screen("checkin").run(lambda: call_now(self.phone.store), self._contact)
        elif isinstance(error, TokenRevoked):
            self.sync_text = "Needs a new code"
            self.banner = "Ask your care team for a new code. Your entries are kept."
        elif isinstance(error, UpgradeRequired):
            self.sync_text = "Update needed"
            self.banner = "Please update the Painline app so your entries can be sent."
        elif isinstance(error, NotEnrolled):
            self.sync_text = ""
        else:
            self.sync_text = "Offline: entries are kept"
        if self.current in ("messages", "history"):
            self.screen(self.current).refresh()

    def _contact(self, contact: SafetyNet | BaseException) -> None:
        if isinstance(contact, SafetyNet):
            self.contact = contact

    def reminder_changed(self) -> None:
        """Read the reminder time (settings, else the care team's) and schedule it."""
        self.screen("settings").run(self.phone.preferences.view, self._reminder_time)

    def _reminder_time(self, prefs: Any) -> None:
        if not isinstance(prefs, BaseException):
            self.reminder.set_time(prefs.reminder_time)

    def show_banner(self, text: str) -> None:
        self.banner = text

    def banner_tapped(self) -> None:
        self.banner = ""
        if self.tabs_shown:
            self.go("checkin")

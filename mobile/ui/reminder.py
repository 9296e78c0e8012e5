"""The daily check-in reminder, driven by Kivy's Clock and the time chosen in settings.

Every `interval` seconds the Clock asks whether the next reminder time has passed (on the
phone's own clock, which tests set by hand); if so, the reminder fires once and the next one
is tomorrow at the same time. On Android it is a system notification (plyer, when installed);
elsewhere, or when plyer fails, an in-app banner.
"""

# mypy: disable-error-code="misc"

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from kivy.clock import Clock  # type: ignore[import-untyped]
from kivy.utils import platform  # type: ignore[import-untyped]

from mobile.reminder import REMINDER_TEXT, REMINDER_TITLE, next_due

log = logging.getLogger(__name__)

CHECK_EVERY_SECONDS = 30.0


def system_notification(title: str, message: str) -> bool:
    """True when the operating system showed it; plyer is optional (Android builds have it)."""
    if platform != "android":
        return False
    try:
        from plyer import notification  # type: ignore[import-not-found,unused-ignore]

        notification.notify(title=title, message=message, app_name="Painline")
    except Exception:
        log.warning("no system notification; showing the reminder in the app")
        return False
    return True


class DailyReminder:
    def __init__(
        self,
        clock: Callable[[], datetime],
        show_banner: Callable[[str], None],
        notify: Callable[[str, str], bool] = system_notification,
        interval: float = CHECK_EVERY_SECONDS,
    ) -> None:
        self.clock = clock
        self.show_banner = show_banner
        self.notify = notify
        self.interval = interval
        self.at: str | None = None
        self.due: datetime | None = None
        self._event: Any = None

    def set_time(self, at: str) -> None:
        """Remind daily at `at` ("20:00"), starting with the next such moment."""
        self.at = at
        self.due = next_due(self.clock(), at)
        if self._event is None:
            self._event = Clock.schedule_interval(self.check, self.interval)

    def check(self, *args: Any) -> None:
        if self.at is None or self.due is None:
            return
        now = self.clock()
        if now < self.due:
            return
        self.due = next_due(now, self.at)
        if not self.notify(REMINDER_TITLE, REMINDER_TEXT):
            self.show_banner(REMINDER_TEXT)

    def stop(self) -> None:
        if self._event is not None:
            self._event.cancel()
            self._event = None

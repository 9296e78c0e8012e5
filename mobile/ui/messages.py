"""Messages: what the care team did with alerts (in plain words), the helpline, the team's
out-of-hours text, entries waiting to send, and those the server could not take, with why.
"""

# mypy: disable-error-code="misc"

from datetime import datetime

from kivy.properties import ObjectProperty  # type: ignore[import-untyped]

from mobile.presenters import Messages
from mobile.presenters.messages import IF_WORSE
from mobile.ui.base import PhoneScreen
from mobile.ui.widgets import Body

SHOWN_ALERTS = 5


def _day(moment: str | None) -> str:
    try:
        return f"{datetime.fromisoformat(moment or ''):%d %b}"
    except ValueError:
        return ""


class MessagesScreen(PhoneScreen):
    title = "Messages"
    view = ObjectProperty(None, allownone=True)

    def refresh(self) -> None:
        self.run(self.phone.messages.view, self._loaded)

    def _loaded(self, view: Messages | BaseException) -> None:
        self.view = None if isinstance(view, BaseException) else view
        alerts, unsent = self.ids.alerts, self.ids.unsent
        alerts.clear_widgets()
        unsent.clear_widgets()
        if self.view is None:
            alerts.add_widget(Body(text="Messages could not be read on this phone."))
            return
        for alert in self.view.alerts[:SHOWN_ALERTS]:
            alerts.add_widget(
                Body(text=f"[b]{_day(alert.raised_at)}[/b]  {alert.text}", markup=True)
            )
        if not self.view.alerts:
            alerts.add_widget(Body(text="Nothing from your care team about your check-ins."))
        elif any(alert.status == "open" for alert in self.view.alerts):
            # Said once, under the alerts, not repeated on every line.
            alerts.add_widget(Body(text=f"[b]{IF_WORSE}[/b]", markup=True))
        for item in self.view.could_not_send:
            unsent.add_widget(
                Body(text=f"{item.summary}\n[size=14sp]{item.message}[/size]", markup=True)
            )

    def send_now(self) -> None:
        self.phone.runner.sync_now()

    def new_code(self) -> None:
        self.shell.go("enroll")

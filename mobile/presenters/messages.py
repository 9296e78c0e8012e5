"""The messages screen's presenter: care-team alert status, entries that could not be sent,
and what the patient must do (get a new code, update the app).

Alerts carry status only: the phone never shows a rule name, diagnosis or suggested action.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mobile import outbox
from mobile.presenters.history import summary
from mobile.safety import SafetyNet
from mobile.store import Store, account, clinical

# Only what is true whether or not anyone is watching: an open alert is on the team's worklist;
# nobody has promised to call (a team's alerts may reach no one outside that worklist).
IF_WORSE = "If you feel worse, call the helpline now."
ALERT_WORDS = {
    "open": "Your care team can see this on their worklist.",
    "acknowledged": "Your care team has seen this.",
    "resolved": "Your care team has dealt with this.",
}


@dataclass(frozen=True)
class AlertStatus:
    id: str
    status: str
    text: str
    raised_at: str | None
    acknowledged_at: str | None
    resolved_at: str | None


@dataclass(frozen=True)
class Unsent:
    """An entry the server refused; the patient can correct it, which sends it again."""

    id: str
    kind: str
    summary: str
    message: str


@dataclass(frozen=True)
class Messages:
    alerts: list[AlertStatus]
    could_not_send: list[Unsent]
    waiting_to_send: int
    needs_new_code: bool
    upgrade_required: bool
    helpline: str | None
    out_of_hours_text: str | None
    check_in_reminder: str | None  # "20:00", for the reminder the app schedules
    # "You reported a warning sign today: ...", while the phone's engine finds an emergency.
    warning_today: str | None = None


def _alert(body: dict[str, Any]) -> AlertStatus:
    status = str(body["status"])
    return AlertStatus(
        id=str(body["id"]),
        status=status,
        text=ALERT_WORDS.get(status, "Your care team has this."),
        raised_at=body.get("raised_at"),
        acknowledged_at=body.get("acknowledged_at"),
        resolved_at=body.get("resolved_at"),
    )


def warning_words(net: SafetyNet | None) -> str | None:
    if net is None:
        return None
    ticked = f" ({', '.join(net.reasons)})" if net.reasons else ""
    return (
        f"You reported a warning sign today{ticked}. If you have not spoken to your care team "
        f"yet, call them now. {net.last_resort}"
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


class MessagesPresenter:
    def __init__(
        self, store: Store, warning_signs: Callable[[], SafetyNet | None] = lambda: None
    ) -> None:
        self.store = store
        # An emergency the phone's engine finds now: after its pop-up was closed, the patient
        # finds it here (a later check-in does not bring the pop-up back).
        self.warning_signs = warning_signs

    def view(self) -> Messages:
        with self.store.transaction() as connection:
            alerts = clinical.alerts(connection)
            unsent = outbox.could_not_send(connection)
            waiting = outbox.pending_count(connection)
            needs_new_code = account.flag(connection, account.NEEDS_NEW_CODE)
            upgrade = account.flag(connection, account.UPGRADE_REQUIRED)
            settings = clinical.settings(connection)
            context = clinical.context(connection) or {}
        return Messages(
            alerts=[_alert(body) for body in alerts],
            could_not_send=[
                Unsent(item.record.id, item.record.kind, summary(item.record), item.message)
                for item in unsent
            ],
            waiting_to_send=waiting,
            needs_new_code=needs_new_code,
            upgrade_required=upgrade,
            helpline=_text(settings.get("helpline")) or _text(context.get("helpline")),
            out_of_hours_text=_text(settings.get("out_of_hours_text")),
            check_in_reminder=_text(settings.get("check_in_reminder")),
            warning_today=warning_words(self.warning_signs()),
        )

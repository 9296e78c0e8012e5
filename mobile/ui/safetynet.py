"""The call-now message: the care team's helpline, shown over any screen, offline.

It appears the moment a warning symptom is ticked (before saving), and after a save when the
engine on the phone finds an emergency, or could not run. It names no rule and no diagnosis:
only what to do and the number to call.
"""

# mypy: disable-error-code="misc"

from typing import Any

from kivy.properties import StringProperty  # type: ignore[import-untyped]
from kivy.uix.modalview import ModalView  # type: ignore[import-untyped]

from mobile.safety import CALL_NOW_TEXT, SafetyNet, last_resort

NO_HELPLINE = (
    "Your care team's number has not reached this phone yet. "
    "Call the number on your care team's letter."
)
CHECK_FAILED = (
    "Your check-in is saved, but this phone could not check it for warning signs. "
    "If you feel unwell or worried, call your care team now."
)


class SafetyNetView(ModalView):
    call_now_text = StringProperty(CALL_NOW_TEXT)
    helpline = StringProperty("")
    out_of_hours_text = StringProperty("")
    # Which answers raised it ("You ticked: weakness in the arms or legs"), and the last line.
    reasons_text = StringProperty("")
    last_resort = StringProperty(last_resort(None))

    @classmethod
    def for_net(cls, net: SafetyNet, check_failed: bool = False, **kwargs: Any) -> "SafetyNetView":
        return cls(
            call_now_text=CHECK_FAILED if check_failed else net.call_now_text,
            helpline=net.helpline or "",
            out_of_hours_text=net.out_of_hours_text or "",
            reasons_text=("You ticked: " + ", ".join(net.reasons) + ".") if net.reasons else "",
            last_resort=net.last_resort,
            **kwargs,
        )

    def call(self) -> None:
        """Open the phone's dialler on Android; elsewhere the number stays on screen."""
        try:
            from plyer import call  # type: ignore[import-not-found,unused-ignore]

            call.makecall(tel=self.helpline)
        except Exception:  # no plyer, or no dialler on this device
            pass

"""Enroll: connect this phone to the care team, by pasting the QR code's text or typing both parts.

The QR code reads `painline://enroll?server=...&code=...`. The network call runs off the UI
thread; the presenter's messages appear under the field at fault.
"""

# mypy: disable-error-code="misc"

import os
import platform

from kivy.properties import BooleanProperty, DictProperty  # type: ignore[import-untyped]

from mobile.presenters import EnrollmentResult
from mobile.ui.base import PhoneScreen

# `make mobile` sets this so the server field starts with the local server's address.
SERVER_VARIABLE = "PAINLINE_SERVER"


def device_name() -> str:
    return (platform.node() or "Painline phone")[:60]


class EnrollScreen(PhoneScreen):
    title = "Connect to your care team"
    errors = DictProperty({})
    busy = BooleanProperty(False)

    def default_server(self) -> str:
        return os.environ.get(SERVER_VARIABLE, "")

    def connect_with_qr(self) -> None:
        payload = self.ids.qr.text
        self._start(lambda: self.phone.enrollment.from_qr(payload, device_name()))

    def connect_with_fields(self) -> None:
        server, code = self.ids.server.text, self.ids.code.text
        self._start(lambda: self.phone.enrollment.from_fields(server, code, device_name()))

    def _start(self, work: object) -> None:
        self.busy = True
        self.errors = {}
        self.run(work, self._finished)  # type: ignore[arg-type]

    def _finished(self, result: EnrollmentResult | BaseException) -> None:
        self.busy = False
        if isinstance(result, BaseException):
            self.errors = {"": "Something went wrong on this phone; try again."}
        elif result.enrolled:
            self.ids.qr.text = self.ids.code.text = ""
            self.shell.enrolled()
        else:
            self.errors = dict(result.errors)

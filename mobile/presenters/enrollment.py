"""The enrollment screen's presenter: scan the QR code (or type server and code), get a token.

Re-enrolling to the same patient (after a revoked token) keeps the outbox and the cursor, and
the next sync pushes what was waiting. A code for another patient replaces this phone's data
only when nothing of the previous patient is unsynced, so no entry is sent to the wrong record.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from mobile import enrollment, outbox
from mobile.enrollment import Enrolled, EnrollmentError, EnrollmentTarget
from mobile.store import Store, account
from mobile.store.account import Enrollment

Enroll = Callable[[EnrollmentTarget, str], Enrolled]

OTHER_PATIENT_WITH_UNSENT = (
    "This code is for a different person, and entries made on this phone have not reached "
    "the care team yet. Sign out first (you will be asked about those entries), then enroll."
)


@dataclass(frozen=True)
class EnrollmentResult:
    enrolled: bool
    errors: dict[str, str] = field(default_factory=dict)  # field ("qr", "server", "code") -> text


def _enroll_over_network(target: EnrollmentTarget, device_name: str) -> Enrolled:
    return enrollment.enroll(target, device_name)


class EnrollmentPresenter:
    def __init__(
        self,
        store: Store,
        enroll: Enroll = _enroll_over_network,
        on_enrolled: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self.enroll = enroll
        self.on_enrolled = on_enrolled

    def is_enrolled(self) -> bool:
        with self.store.transaction() as connection:
            return account.enrollment(connection) is not None

    def from_qr(self, payload: str, device_name: str) -> EnrollmentResult:
        try:
            target = enrollment.parse_qr(payload)
        except EnrollmentError as error:
            return _failed(error)
        return self._enroll(target, device_name)

    def from_fields(self, server: str, code: str, device_name: str) -> EnrollmentResult:
        errors: dict[str, str] = {}
        for name, checker, value in (
            ("server", enrollment.check_server, server),
            ("code", enrollment.check_code, code),
        ):
            try:
                checker(value)
            except EnrollmentError as error:
                errors[name] = error.message
        if errors:
            return EnrollmentResult(enrolled=False, errors=errors)
        return self._enroll(enrollment.target_from_fields(server, code), device_name)

    def _enroll(self, target: EnrollmentTarget, device_name: str) -> EnrollmentResult:
        try:
            enrolled = self.enroll(target, device_name)
        except EnrollmentError as error:
            return _failed(error)
        adopted = Enrollment(target.server, enrolled.token, enrolled.patient_id, device_name)
        with self.store.transaction() as connection:
            previous = account.enrollment(connection)
            if previous is not None and previous.patient_id != enrolled.patient_id:
                if outbox.unsynced_count(connection) > 0:
                    return EnrollmentResult(
                        enrolled=False, errors={"code": OTHER_PATIENT_WITH_UNSENT}
                    )
                switching = True
            else:
                switching = False
        if switching:
            # Everything left is the other patient's and already on the server.
            self.store.wipe()
        with self.store.transaction() as connection:
            account.save_enrollment(connection, adopted)
        self.on_enrolled()
        return EnrollmentResult(enrolled=True)


def _failed(error: EnrollmentError) -> EnrollmentResult:
    return EnrollmentResult(enrolled=False, errors={error.field or "": error.message})

"""Why a sync stopped, in the words the runner and the screens act on."""


class SyncError(Exception):
    """Base class; the message is safe to show."""


class Offline(SyncError):
    """No answer (no network, timeout) or a server error (5xx, 429): try again later."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerFault(Offline):
    """5xx: the server (or a gateway before it) failed on the request; `says` is its message.

    Retried like any other outage, and counted against the batch sent (`mobile.sync.failures`).
    """

    def __init__(
        self, message: str, status: int, says: str | None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, retry_after)
        self.status = status
        self.says = says


class TokenRevoked(SyncError):
    """401: the device token is no longer valid; the patient needs a new code. Outbox kept."""


class UpgradeRequired(SyncError):
    """426: this app version is too old for the server."""


class NotEnrolled(SyncError):
    """The phone has no device token yet."""


class RequestRefused(SyncError):
    """Another 4xx for the whole request (413 is handled by sending smaller batches)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status

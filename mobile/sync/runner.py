"""The background sync thread: syncs on start, when poked and every few minutes; backs off.

The UI never waits on it (style principle 12). Each result goes to `on_result`, called on the
runner's thread; the Kivy layer passes a callback wrapped with `@mainthread`.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from mobile.sync.backoff import Backoff
from mobile.sync.errors import NotEnrolled, Offline, SyncError, TokenRevoked, UpgradeRequired
from mobile.sync.session import SyncOutcome

log = logging.getLogger(__name__)

# Between successful syncs; a saved entry pokes the runner at once.
INTERVAL_SECONDS = 15 * 60.0


@dataclass(frozen=True)
class SyncResult:
    """What the screens show: the outcome, or the error and when the next try is."""

    outcome: SyncOutcome | None = None
    error: SyncError | None = None
    retry_in: float | None = None  # None: waits for `sync_now()` (new code, app update)


class SyncRunner:
    def __init__(
        self,
        sync_once: Callable[[], SyncOutcome],
        on_result: Callable[[SyncResult], None],
        backoff: Backoff | None = None,
        interval: float = INTERVAL_SECONDS,
    ) -> None:
        self.sync_once = sync_once
        self.on_result = on_result
        self.backoff = backoff or Backoff()
        self.interval = interval
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread; it syncs straight away."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._wake.set()
        self._thread = threading.Thread(target=self._loop, name="painline-sync", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def sync_now(self) -> None:
        """Ask for a sync soon (after a save, on app resume, after a new code). Never blocks."""
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        attempt = 0
        wait: float | None = None
        while not self._stopping.is_set():
            self._wake.wait(wait)
            self._wake.clear()
            if self._stopping.is_set():
                return
            result = self._attempt(attempt + 1)
            attempt = attempt + 1 if isinstance(result.error, Offline) else 0
            wait = result.retry_in
            self._report(result)

    def _attempt(self, attempt: int) -> SyncResult:
        try:
            return SyncResult(outcome=self.sync_once(), retry_in=self.interval)
        except Offline as error:
            return SyncResult(error=error, retry_in=self.backoff.delay(attempt, error.retry_after))
        except (TokenRevoked, UpgradeRequired, NotEnrolled) as error:
            return SyncResult(error=error, retry_in=None)
        except SyncError as error:
            # A refused request will likely be refused again: retry, but slowly.
            return SyncResult(error=error, retry_in=self.backoff.cap)
        except Exception as error:
            # A bug must not kill the thread that carries the patient's records out.
            log.exception("sync failed unexpectedly")
            return SyncResult(error=SyncError(str(error)), retry_in=self.backoff.cap)

    def _report(self, result: SyncResult) -> None:
        try:
            self.on_result(result)
        except Exception:
            log.exception("the sync result callback failed")

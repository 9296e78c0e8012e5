"""The phone's composition root: one store, the presenters, the sync runner, wired together.

The Kivy app builds one `Phone` at start-up (`Phone.open(user_data_dir, on_sync_result=...)`),
calls `start()`, gives each screen its presenter and calls `stop()` on exit. Nothing here
imports Kivy, so tests build a `Phone` with a fake clock and a local server.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

from mobile import enrollment
from mobile.background import BackgroundTasks
from mobile.clock import Clock, aware, local_now
from mobile.enrollment import Enrolled, EnrollmentTarget
from mobile.http import TIMEOUT
from mobile.presenters import (
    CheckInPresenter,
    DosePresenter,
    EnrollmentPresenter,
    HistoryPresenter,
    MessagesPresenter,
    SignOutPresenter,
)
from mobile.presenters.preferences import PreferencesPresenter
from mobile.safety import SafetyCheck
from mobile.store import Store
from mobile.store.account import Enrollment
from mobile.sync import Backoff, SyncClient, SyncResult, SyncRunner, SyncSession
from shared.config import RulesConfig


class Phone:
    def __init__(
        self,
        store: Store,
        clock: Clock = local_now,
        on_sync_result: Callable[[SyncResult], None] = lambda result: None,
        http: requests.Session | None = None,
        backoff: Backoff | None = None,
        rules: RulesConfig | None = None,
        timeout: float | tuple[float, float] = TIMEOUT,
    ) -> None:
        self.store = store
        # Used by the sync thread only (a requests Session is not meant to be shared).
        self.http = http or requests.Session()
        self.timeout = timeout
        self.tasks = BackgroundTasks()
        self.sync = SyncSession(store, self._client_for, rules)
        self.runner = SyncRunner(self.sync.run, on_sync_result, backoff)
        poke = self.runner.sync_now
        self.enrollment = EnrollmentPresenter(store, self._enroll, on_enrolled=poke)
        safety = SafetyCheck(store, rules)
        self.checkin = CheckInPresenter(store, clock, safety, on_saved=poke)
        self.doses = DosePresenter(store, clock, on_saved=poke)
        self.history = HistoryPresenter(store, clock, on_saved=poke)
        self.messages = MessagesPresenter(store, lambda: safety(aware(clock())))
        self.preferences = PreferencesPresenter(store)
        self.clock = clock
        self.sign_out = SignOutPresenter(
            store, before_wipe=self._pause_sync, after_wipe=self._resume_sync
        )
        self._sync_was_running = False

    @classmethod
    def open(cls, data_dir: Path | str, **options: Any) -> "Phone":
        return cls(Store.in_directory(data_dir), **options)

    def start(self) -> None:
        self.runner.start()

    def stop(self) -> None:
        self.runner.stop()
        self.tasks.shutdown()
        self.store.close()

    def _pause_sync(self) -> None:
        self._sync_was_running = self.runner.running
        self.runner.stop()

    def _resume_sync(self) -> None:
        if self._sync_was_running:
            self.runner.start()

    def _client_for(self, enrolled: Enrollment) -> SyncClient:
        return SyncClient(enrolled.server, enrolled.token, session=self.http, timeout=self.timeout)

    def _enroll(self, target: EnrollmentTarget, device_name: str) -> Enrolled:
        # Its own session: `self.http` belongs to the sync thread.
        return enrollment.enroll(target, device_name, timeout=self.timeout)

"""Sync with the server: `SyncSession(store).run()` syncs once; `SyncRunner` runs it off the UI."""

from mobile.sync.backoff import Backoff
from mobile.sync.client import SyncClient
from mobile.sync.errors import (
    NotEnrolled,
    Offline,
    RequestRefused,
    SyncError,
    TokenRevoked,
    UpgradeRequired,
)
from mobile.sync.runner import SyncResult, SyncRunner
from mobile.sync.session import SyncOutcome, SyncSession

__all__ = [
    "Backoff",
    "NotEnrolled",
    "Offline",
    "RequestRefused",
    "SyncClient",
    "SyncError",
    "SyncOutcome",
    "SyncResult",
    "SyncRunner",
    "SyncSession",
    "TokenRevoked",
    "UpgradeRequired",
]

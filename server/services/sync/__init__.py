"""The server side of sync: store what a phone pushes, return what changed after its cursor.

`sync(session, device, push, now)` runs one request in one transaction: upserts, the engine and the
alert outbox (added by `server.services.alerts`) commit together, so an acknowledged record is never
without the alerts it raised.
"""

from server.services.sync.service import Push, SyncResult, sync

__all__ = ["Push", "SyncResult", "sync"]

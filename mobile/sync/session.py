"""One sync: push the outbox in batches and pull every page of changes, until both are done.

Each server answer is applied in one transaction (acknowledgements, rejections, changes, the
new cursor), so a phone killed mid-sync resends a batch the server may already hold; the
server's idempotent upsert makes that harmless. Network calls happen outside transactions.

Red flags go first (`red_flags`). A batch the server keeps failing on (5xx) is narrowed down
to the one record it cannot take, which moves to "could not send" (`failures`), so that record
never holds back the others.
"""

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from mobile import outbox
from mobile.store import Store, account, clinical
from mobile.store.account import Enrollment
from mobile.sync import failures, red_flags
from mobile.sync.client import BatchTooLarge, SyncClient
from mobile.sync.errors import (
    NotEnrolled,
    ServerFault,
    SyncError,
    TokenRevoked,
    UpgradeRequired,
)
from mobile.sync.pull import apply_changes
from shared.config import RulesConfig

log = logging.getLogger(__name__)

# A guard against a server that keeps answering `more: true`; the next sync carries on.
MAX_ROUNDS = 1000

ClientFactory = Callable[[Enrollment], SyncClient]


@dataclass(frozen=True)
class SyncOutcome:
    acknowledged: int
    rejected: int
    pulled: int
    pending: int  # still in the outbox afterwards


class SyncSession:
    def __init__(
        self,
        store: Store,
        client_for: ClientFactory = lambda e: SyncClient(e.server, e.token),
        rules: RulesConfig | None = None,
    ) -> None:
        self.store = store
        self.client_for = client_for
        self.rules = rules or RulesConfig()

    def run(self) -> SyncOutcome:
        """Sync until the outbox is empty and `more` is false; raises a `SyncError` on failure."""
        with self.store.transaction() as connection:
            enrolled = self._enrollment(connection)
        client = self.client_for(enrolled)
        self._find_red_flags()
        acknowledged_total = rejected_total = pulled_total = 0
        limit = outbox.MAX_BATCH
        for _ in range(MAX_ROUNDS):
            with self.store.transaction() as connection:
                cursor = account.get(connection, account.CURSOR)
                batch = outbox.next_batch(
                    connection,
                    limit=min(limit, failures.push_limit(connection)),
                    red_flags_apart=failures.narrowing(connection),
                )
            try:
                response = client.sync(cursor, batch.reports, batch.doses)
            except ServerFault as error:
                if not batch.sent or not self._failed(client, cursor, batch, error):
                    raise
                rejected_total += 1
                continue
            except BatchTooLarge:
                if len(batch) > 1:
                    limit = max(1, len(batch) // 2)
                    continue
                self._reject_too_large(batch)
                rejected_total += 1
                continue
            except (TokenRevoked, UpgradeRequired) as error:
                self._remember(error)
                raise
            with self.store.transaction() as connection:
                if account.get(connection, account.TOKEN) != enrolled.token:
                    # Signed out or re-enrolled meanwhile: this answer belongs to the old token.
                    raise NotEnrolled("this phone was signed out during the sync")
                acknowledged = outbox.acknowledge(connection, batch, response.accepted)
                rejected = outbox.reject(connection, batch, response.rejected)
                pulled = apply_changes(connection, response.changes)
                if response.cursor is not None:
                    account.put(connection, account.CURSOR, response.cursor)
                if response.settings is not None:
                    clinical.replace_settings(connection, response.settings)
                account.set_flag(connection, account.UPGRADE_REQUIRED, False)
                failures.answered(connection, [*response.accepted, *response.rejected])
                pending = outbox.pending_count(connection)
                if pending == 0:
                    failures.reset(connection)
            acknowledged_total += acknowledged
            rejected_total += rejected
            pulled_total += pulled
            made_progress = acknowledged + rejected > 0
            if not response.more and (pending == 0 or not made_progress):
                break
        return SyncOutcome(acknowledged_total, rejected_total, pulled_total, self._pending())

    def _enrollment(self, connection: sqlite3.Connection) -> Enrollment:
        enrolled = account.enrollment(connection)
        if enrolled is None:
            raise NotEnrolled("this phone is not connected to a care team yet")
        if account.flag(connection, account.NEEDS_NEW_CODE):
            raise TokenRevoked("ask your care team for a new code (your entries are kept)")
        return enrolled

    def _remember(self, error: Exception) -> None:
        key = (
            account.NEEDS_NEW_CODE if isinstance(error, TokenRevoked) else account.UPGRADE_REQUIRED
        )
        with self.store.transaction() as connection:
            account.set_flag(connection, key, True)

    def _find_red_flags(self) -> None:
        try:
            red_flags.assess(self.store, self.rules)
        except Exception:
            # The order is a courtesy to the clinician; the records must go out regardless.
            log.exception("could not tell red flags in the outbox apart")

    def _failed(
        self, client: SyncClient, cursor: str | None, batch: outbox.Batch, error: ServerFault
    ) -> bool:
        """Count a failure of `batch`; True when its one record moved to "could not send"."""
        with self.store.transaction() as connection:
            if failures.count(connection, batch) < failures.FAILURES_BEFORE_SPLIT:
                return False
            if len(batch) > 1:
                failures.split(connection, batch)
                return False
        if not _server_answers(client, cursor):
            # Failing on everything is an outage, not this record: keep it and retry.
            return False
        with self.store.transaction() as connection:
            outbox.refuse(connection, batch, could_not_take(error))
            failures.reset(connection)
        return True

    def _reject_too_large(self, batch: outbox.Batch) -> None:
        with self.store.transaction() as connection:
            outbox.refuse(
                connection,
                batch,
                "this entry is too large to send; shorten the note and save it again",
            )

    def _pending(self) -> int:
        with self.store.transaction() as connection:
            return outbox.pending_count(connection)


def could_not_take(error: ServerFault) -> str:
    """The reason shown on the "could not send" list, with the server's own words if any."""
    reason = f"The server could not take this entry (HTTP {error.status})"
    return f"{reason}: {error.says}" if error.says else reason


def _server_answers(client: SyncClient, cursor: str | None) -> bool:
    """Whether a push of no records succeeds; its changes are pulled again by the next push."""
    try:
        client.sync(cursor, [], [])
    except SyncError:
        return False
    return True

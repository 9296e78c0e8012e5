"""The history screen's presenter: the patient's own entries, newest first, with their sync state.

Deleting an entry stores a tombstone (the next revision with `deleted: true`) that syncs like
any edit; the server keeps the revision history.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mobile.clock import Clock, aware
from mobile.outbox import error_message
from mobile.presenters.saving import save_revision
from mobile.presenters.trends import DAYS, Trends, trends
from mobile.store import Kind, State, Store, clinical, records
from mobile.store.records import StoredRecord
from shared.vocab import MEDICATIONS, SITES


@dataclass(frozen=True)
class HistoryEntry:
    kind: Kind
    id: str
    at: datetime
    summary: str
    state: State  # pending: waiting to send; synced; rejected: could not send
    problem: str | None  # the server's message when rejected
    body: dict[str, Any]


def summary(record: StoredRecord) -> str:
    body = record.body
    if record.kind is Kind.DOSE:
        label = MEDICATIONS[body["medication"]].label if body["medication"] in MEDICATIONS else ""
        return f"{label or body['medication']} {body['dose']:g} {body['unit']} ({body['purpose']})"
    if not body["sites"]:
        # `pain_rated: false`: symptoms only, which is not the same as no pain.
        return "Pain not rated" if body.get("pain_rated") is False else "No pain"
    worst = max(body["sites"], key=lambda entry: entry["score"])
    site = SITES[worst["site"]].label if worst["site"] in SITES else worst["site"]
    more = len(body["sites"]) - 1
    return f"Pain {worst['score']}/10 at {site}" + (f" and {more} more" if more else "")


class HistoryPresenter:
    def __init__(self, store: Store, clock: Clock, on_saved: Callable[[], None] = lambda: None):
        self.store = store
        self.clock = clock
        self.on_saved = on_saved

    def entries(self, limit: int = 200) -> list[HistoryEntry]:
        with self.store.transaction() as connection:
            found = records.newest_first(connection, limit)
        return [
            HistoryEntry(
                kind=record.kind,
                id=record.id,
                at=record.at,
                summary=summary(record),
                state=record.state,
                problem=error_message(record.errors) if record.state is State.REJECTED else None,
                body=record.body,
            )
            for record in found
            if not record.body.get("deleted")
        ]

    def trends(self, days: int = DAYS) -> Trends:
        """Per-site pain over the last `days` days, with the treatments given in them."""
        today = aware(self.clock()).date()
        with self.store.transaction() as connection:
            reports = records.since(connection, Kind.REPORT)
            given = clinical.treatments(connection)
        return trends(reports, given, today, days)

    def delete(self, kind: Kind, record_id: str) -> bool:
        """Delete an entry (a tombstone that syncs); False if the server's rules refuse it."""
        checked = save_revision(
            self.store,
            kind,
            record_id,
            lambda current: {**current.body, "deleted": True},
            aware(self.clock()),
        )
        if checked.body is not None:
            self.on_saved()
        return checked.body is not None

"""A NOTIFY in every PostgreSQL transaction that writes an alert event, so workers wake at once.

NOTIFY is transactional: it reaches listeners when the transaction commits, with the rows
already visible, and never for a transaction that rolled back. The sync service does not need to
know: the hook watches every session's flushes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from server.models import AlertEvent

OUTBOX_CHANNEL = "painline_outbox"


def notify_on_outbox_rows(session: Session, _flush_context: Any) -> None:
    if not any(isinstance(row, AlertEvent) for row in session.new):
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"NOTIFY {OUTBOX_CHANNEL}")


def install_outbox_notify(session_factory: Any) -> None:
    if not event.contains(session_factory, "after_flush", notify_on_outbox_rows):
        event.listen(session_factory, "after_flush", notify_on_outbox_rows)

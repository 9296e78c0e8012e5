"""After the load: each acknowledged record stored exactly once, each raised alert in the outbox."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import create_engine, func, select

from server.models import Alert, AlertEvent, Dose, PainReport
from server.models.records import RecordRevision
from tests.bench.load.phones import Phone


@dataclass(frozen=True)
class Verdict:
    acknowledged: int
    missing: int
    stored_twice: int
    alerts: int
    alerts_without_outbox: int

    @property
    def ok(self) -> bool:
        return self.missing == 0 and self.stored_twice == 0 and self.alerts_without_outbox == 0

    def line(self) -> str:
        return (
            f"verified: {self.acknowledged} acknowledged records, {self.missing} missing, "
            f"{self.stored_twice} stored more than once; {self.alerts} live alerts, "
            f"{self.alerts_without_outbox} without their outbox row"
        )


def verify(url: str, phones: list[Phone]) -> Verdict:
    acknowledged = {uuid.UUID(record_id) for phone in phones for record_id in phone.acknowledged}
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = Counter(connection.scalars(select(PainReport.id)))
        stored.update(connection.scalars(select(Dose.id)))
        first_revisions = Counter(
            connection.scalars(
                select(RecordRevision.record_id).where(
                    RecordRevision.revision == 1, RecordRevision.conflict.is_(False)
                )
            )
        )
        live_alerts = set(connection.scalars(select(Alert.id).where(Alert.historical.is_(False))))
        raised = set(
            connection.scalars(
                select(AlertEvent.alert_id)
                .where(AlertEvent.type == "alert.raised")
                .group_by(AlertEvent.alert_id)
                .having(func.count() >= 1)
            )
        )
    engine.dispose()
    return Verdict(
        acknowledged=len(acknowledged),
        missing=sum(1 for record_id in acknowledged if stored[record_id] == 0),
        stored_twice=sum(
            1
            for record_id in acknowledged
            if stored[record_id] > 1 or first_revisions[record_id] != 1
        ),
        alerts=len(live_alerts),
        alerts_without_outbox=len(live_alerts - raised),
    )

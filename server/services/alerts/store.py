"""Alert rows and the shared lifecycle's AlertState, back and forth, and the outbox rows."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from server.models import Alert, AlertEvent, Snooze
from shared.lifecycle import AlertEvent as LifecycleEvent
from shared.lifecycle import AlertKey, AlertState, AlertStatus, Outcome
from shared.lifecycle import Snooze as LifecycleSnooze
from shared.rules import Finding


def state_of(alert: Alert) -> AlertState:
    return AlertState(
        key=AlertKey(str(alert.patient_id), alert.rule, alert.site),
        tier=alert.tier,
        evidence=tuple(alert.evidence),
        raised_at=alert.raised_at,
        status=AlertStatus(alert.status),
        acknowledged_at=alert.acknowledged_at,
        resolved_at=alert.resolved_at,
        outcome=Outcome(alert.outcome) if alert.outcome else None,
    )


_NEWEST_FIRST = (
    select(
        Alert.id,
        func.row_number()
        .over(
            partition_by=(Alert.rule, Alert.site),
            order_by=(Alert.raised_at.desc(), Alert.id.desc()),
        )
        .label("position"),
    )
    .where(Alert.patient_id == bindparam("patient_id"))
    .subquery()
)
# Built once: composing it costs about as much as running it.
LATEST_OF_EACH_KEY = (
    select(Alert)
    .join(_NEWEST_FIRST, Alert.id == _NEWEST_FIRST.c.id)
    .where(_NEWEST_FIRST.c.position == 1)
)


def latest_alerts_by_key(session: Session, patient_id: uuid.UUID) -> dict[AlertKey, Alert]:
    """The most recent alert of each key: the one a new finding is absorbed into or judged by.

    Only those rows are read: a patient's older alerts can run to hundreds.
    """
    rows = session.scalars(LATEST_OF_EACH_KEY, {"patient_id": patient_id})
    return {AlertKey(str(alert.patient_id), alert.rule, alert.site): alert for alert in rows}


class PatientSnoozes:
    """A patient's snoozes, read at first use: a finding absorbed into an active alert never
    looks at them (see `shared.lifecycle.apply_finding`)."""

    def __init__(self, session: Session, patient_id: uuid.UUID) -> None:
        self.session = session
        self.patient_id = patient_id
        self.loaded: list[LifecycleSnooze] | None = None

    def __iter__(self) -> Iterator[LifecycleSnooze]:
        if self.loaded is None:
            self.loaded = snoozes_of(self.session, self.patient_id)
        return iter(self.loaded)


def snoozes_of(session: Session, patient_id: uuid.UUID) -> list[LifecycleSnooze]:
    rows = session.scalars(select(Snooze).where(Snooze.patient_id == patient_id))
    return [
        LifecycleSnooze(
            rule=row.rule,
            site=row.site,
            starts_at=row.starts_at,
            until=row.until,
            reason=row.reason,
        )
        for row in rows
    ]


def new_alert_row(
    clinic_id: uuid.UUID, patient_id: uuid.UUID, finding: Finding, config_hash: str
) -> Alert:
    return Alert(
        id=uuid.uuid4(),
        clinic_id=clinic_id,
        patient_id=patient_id,
        rule=finding.rule,
        rule_version=finding.rule_version,
        site=finding.site,
        explanation=finding.explanation,
        suggested_action=finding.suggested_action,
        citation=finding.citation,
        config_hash=config_hash,
        evidence=[],
        withdrawn=[],
    )


def copy_state(alert: Alert, state: AlertState, finding: Finding) -> None:
    """Write the lifecycle's state onto the row; the explanation follows the latest finding."""
    alert.tier = state.tier
    alert.status = state.status.value
    alert.evidence = list(state.evidence)
    alert.raised_at = state.raised_at
    alert.acknowledged_at = state.acknowledged_at
    alert.resolved_at = state.resolved_at
    alert.outcome = state.outcome.value if state.outcome else None
    if state.tier == finding.tier:
        alert.explanation = finding.explanation
        alert.suggested_action = finding.suggested_action
        alert.rule_version = finding.rule_version


def outbox_rows(alert: Alert, events: Iterable[LifecycleEvent], at: datetime) -> list[AlertEvent]:
    return [
        AlertEvent(
            clinic_id=alert.clinic_id,
            patient_id=alert.patient_id,
            alert_id=alert.id,
            type=event.name.webhook_type,
            tier=event.tier,
            created_at=at,
        )
        for event in events
    ]

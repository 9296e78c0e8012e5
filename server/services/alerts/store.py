"""Alert rows and the shared lifecycle's AlertState, back and forth, and the outbox rows."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
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
        note=alert.note,
    )


def latest_alerts_by_key(session: Session, patient_id: uuid.UUID) -> dict[AlertKey, Alert]:
    """The most recent alert of each key: the one a new finding is absorbed into or judged by."""
    latest: dict[AlertKey, Alert] = {}
    rows = session.scalars(
        select(Alert).where(Alert.patient_id == patient_id).order_by(Alert.raised_at, Alert.id)
    )
    for alert in rows:
        latest[AlertKey(str(alert.patient_id), alert.rule, alert.site)] = alert
    return latest


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
    alert.note = state.note
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

"""Escalation timers: an emergency alert nobody acknowledged in 15 minutes, an urgent one in 4 h.

The timer runs from when the server created the alert (the team could not act before), with the
team's own minutes when it set them. Escalating writes an `alert.escalated` outbox row and
stamps `escalated_at`, once; acknowledging first stops it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server.delivery.routing import ESCALATED
from server.models import Alert, AlertEvent, EscalationPolicy, Patient
from server.models.channels import DEFAULT_EMERGENCY_MINUTES, DEFAULT_URGENT_MINUTES

ESCALATED_TIERS = ("emergency", "urgent")


def escalate_due(session: Session, now: datetime) -> int:
    shortest = timedelta(minutes=1)
    candidates = session.execute(
        select(Alert, EscalationPolicy.emergency_minutes, EscalationPolicy.urgent_minutes)
        .join(Patient, Patient.id == Alert.patient_id)
        .outerjoin(EscalationPolicy, EscalationPolicy.care_team_id == Patient.care_team_id)
        .where(
            Alert.status == "open",
            Alert.acknowledged_at.is_(None),
            Alert.escalated_at.is_(None),
            Alert.historical.is_(False),
            Alert.tier.in_(ESCALATED_TIERS),
            Alert.created_at <= now - shortest,
        )
    ).all()
    escalated = 0
    for alert, emergency_minutes, urgent_minutes in candidates:
        if alert.tier == "emergency":
            minutes = emergency_minutes or DEFAULT_EMERGENCY_MINUTES
        else:
            minutes = urgent_minutes or DEFAULT_URGENT_MINUTES
        if alert.created_at + timedelta(minutes=minutes) <= now and stamp(session, alert, now):
            session.add(
                AlertEvent(
                    clinic_id=alert.clinic_id,
                    patient_id=alert.patient_id,
                    alert_id=alert.id,
                    type=ESCALATED,
                    tier=alert.tier,
                    created_at=now,
                )
            )
            escalated += 1
    session.commit()
    return escalated


def stamp(session: Session, alert: Alert, now: datetime) -> bool:
    """Set `escalated_at` only if the alert is still open and unacknowledged at this instant."""
    result = session.execute(
        update(Alert)
        .where(
            Alert.id == alert.id,
            Alert.status == "open",
            Alert.acknowledged_at.is_(None),
            Alert.escalated_at.is_(None),
        )
        .values(escalated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]

"""Escalation timers: an emergency alert nobody acknowledged in 15 minutes, an urgent one in 4 h.

The timer runs from when the server created the alert (the team could not act before), with the
team's own minutes when it set them. Escalating writes an `alert.escalated` outbox row and
stamps `escalated_at`, once; acknowledging first stops it. The alert's thread records whom the
escalation was for, or that the team has no escalation contact: then nobody was emailed, and it
is not counted as escalated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from server.delivery.routing import ESCALATED
from server.models import (
    Alert,
    AlertEvent,
    AlertNote,
    EscalationContact,
    EscalationPolicy,
    NoteAction,
    Patient,
)
from server.models.channels import DEFAULT_EMERGENCY_MINUTES, DEFAULT_URGENT_MINUTES

ESCALATED_TIERS = ("emergency", "urgent")


@dataclass(frozen=True)
class Escalations:
    escalated: int = 0
    # Due, but the team has no escalation contact: nobody was emailed.
    to_nobody: int = 0


def escalate_due(session: Session, now: datetime) -> Escalations:
    shortest = timedelta(minutes=1)
    contacts = (
        select(func.count(EscalationContact.id))
        .where(EscalationContact.care_team_id == Patient.care_team_id)
        .scalar_subquery()
    )
    candidates = session.execute(
        select(Alert, EscalationPolicy.emergency_minutes, EscalationPolicy.urgent_minutes, contacts)
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
    escalated = to_nobody = 0
    for alert, emergency_minutes, urgent_minutes, contact_count in candidates:
        if alert.tier == "emergency":
            minutes = emergency_minutes or DEFAULT_EMERGENCY_MINUTES
        else:
            minutes = urgent_minutes or DEFAULT_URGENT_MINUTES
        if alert.created_at + timedelta(minutes=minutes) <= now and stamp(session, alert, now):
            session.add(thread_entry(alert, minutes, contact_count, now))
            # Webhooks and the live stream still hear of it, contacts or not.
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
            if contact_count:
                escalated += 1
            else:
                to_nobody += 1
    session.commit()
    return Escalations(escalated, to_nobody)


def thread_entry(alert: Alert, minutes: int, contact_count: int, now: datetime) -> AlertNote:
    waited = f"Not acknowledged within {minutes} minutes"
    if contact_count:
        told = f"sent to the team's {contact_count} escalation contact" + (
            "s." if contact_count != 1 else "."
        )
    else:
        told = "the team has no escalation contact, so nobody was emailed."
    return AlertNote(
        clinic_id=alert.clinic_id,
        patient_id=alert.patient_id,
        alert_id=alert.id,
        action=NoteAction.ESCALATED,
        text=f"{waited}: {told}",
        author_id=None,
        at=now,
    )


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

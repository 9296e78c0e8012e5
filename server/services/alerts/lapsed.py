"""Open alerts whose finding a clinician's change undid: "radiotherapy to the skull entered 3 Dec:
this finding no longer holds".

The engine is asked twice at the server's clock, before and after the change. An active alert
whose finding held before and not after is marked, with the change that undid it, and the
patient page offers to resolve it in one click; it is never silently left contradicting the
record. A finding that simply aged out is not the change's doing and is left alone.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Alert, Patient
from server.services.alerts.history import load_history
from shared.config import RulesConfig
from shared.engine import evaluate
from shared.lifecycle import AlertKey, alert_key


def keys_holding(
    session: Session, patient: Patient, now: datetime, config: RulesConfig
) -> set[AlertKey]:
    """The alert keys the engine finds at `now` on what is stored (flushed) now."""
    history = load_history(session, patient, now).history
    return {alert_key(str(patient.id), finding) for finding in evaluate(history, now, config)}


def mark_lapsed(
    session: Session,
    patient: Patient,
    held_before: set[AlertKey],
    held_after: set[AlertKey],
    because: str,
    now: datetime,
) -> list[Alert]:
    undone = held_before - held_after
    if not undone:
        return []
    active = session.scalars(
        select(Alert).where(Alert.patient_id == patient.id, Alert.status != "resolved")
    ).all()
    marked = []
    for alert in active:
        if AlertKey(str(patient.id), alert.rule, alert.site) in undone:
            alert.no_longer_holds_since = now
            alert.no_longer_holds_because = because
            marked.append(alert)
    return marked

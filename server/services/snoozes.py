"""Snoozes: a clinician holds back new alerts of one rule for a patient, for a stated reason.

The shared lifecycle decides what may be snoozed (at most 14 days, never an emergency rule);
the engine reads the stored snoozes at each evaluation. A snooze ended early keeps its row,
ending now: the alerts it held back in its time stay held back when history is evaluated again.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from server.models import Snooze
from server.security.actors import Clinician
from server.services.access import patient_in_reach
from server.services.alerts import evaluate_now
from server.services.errors import InvalidInput, NotFound
from shared import lifecycle
from shared.config import RulesConfig
from shared.lifecycle import NEVER_SNOOZED, SnoozeRefused


def snooze_rule(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    fields: dict[str, Any],
    now: datetime,
) -> Snooze:
    patient = patient_in_reach(session, clinician, patient_id)
    rule, reason = fields["rule"], fields["reason"]
    try:
        decided = lifecycle.snooze(rule, fields.get("site"), now, fields["until"], reason)
    except SnoozeRefused as error:
        field = refused_field(rule, reason)
        message = str(error)
        raise InvalidInput(f"{message[:1].upper()}{message[1:]}.", {field: [message]}) from None
    row = Snooze(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        rule=decided.rule,
        site=decided.site,
        starts_at=decided.starts_at,
        until=decided.until,
        reason=decided.reason,
        created_by=clinician.user_id,
    )
    session.add(row)
    session.commit()
    return row


def end_snooze(
    session: Session,
    clinician: Clinician,
    patient_id: uuid.UUID,
    snooze_id: uuid.UUID,
    now: datetime,
    rules_config: RulesConfig,
) -> Snooze:
    """End a snooze now; the engine runs at once, so a finding it held back alerts again.

    Ending one that has already ended changes nothing.
    """
    patient = patient_in_reach(session, clinician, patient_id, for_update=True)
    row = session.get(Snooze, snooze_id)
    if row is None or row.patient_id != patient.id:
        raise NotFound("No such snooze for this patient.")
    if row.until > now:
        row.until = max(now, row.starts_at)
        session.flush()
        evaluate_now(session, patient, now, rules_config)
    session.commit()
    return row


def refused_field(rule: str, reason: str) -> str:
    """Which field of the request the lifecycle's refusal is about."""
    if rule in NEVER_SNOOZED:
        return "rule"
    if not reason.strip():
        return "reason"
    return "until"

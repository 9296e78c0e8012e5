"""Clinicians' work on alerts: their teams' worklist, acknowledging, commenting and resolving.

Both transitions go through the shared lifecycle. Each change takes the next number of the
patient's change sequence, so the patient's phone pulls the alert's new status. Every action
adds an entry to the alert's thread, with its author: nothing a clinician wrote is overwritten.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session, selectinload

from server.models import Alert, AlertNote, NoteAction, Patient
from server.models.base import utcnow
from server.security.actors import Clinician
from server.services.access import in_reach, patient_in_reach
from server.services.alert_notes import add_entry
from server.services.alerts.store import state_of
from server.services.change_sequence import ChangeSequence
from server.services.errors import Conflict, NotFound
from server.services.paging import one_page
from shared import lifecycle
from shared.lifecycle import AlertState, LifecycleError, Outcome

NO_SUCH_ALERT = "No such alert among your care teams' patients."
# Emergency first: the catalogue's tiers, highest rank first.
TIER_ORDER = case(
    {tier: position for position, tier in enumerate(reversed(lifecycle.TIERS))},
    value=Alert.tier,
    else_=len(lifecycle.TIERS),
)
# What an alert's JSON and the patient page show beside it: the thread and who acted.
WITH_THREAD = (
    selectinload(Alert.notes).joinedload(AlertNote.author),
    selectinload(Alert.acknowledger),
    selectinload(Alert.resolver),
)


@dataclass(frozen=True)
class AlertFilters:
    status: str | None = None
    tier: str | None = None
    patient_id: uuid.UUID | None = None


@dataclass(frozen=True)
class AlertPage:
    items: list[Alert]
    total: int


def list_alerts(
    session: Session, clinician: Clinician, filters: AlertFilters, first: int, size: int
) -> AlertPage:
    """One page of the teams' alerts, emergency first, then the longest waiting."""
    query = (
        select(Alert)
        .join(Patient, Patient.id == Alert.patient_id)
        .where(Patient.care_team_id.in_(clinician.team_ids))
    )
    if filters.patient_id is not None:
        patient_in_reach(session, clinician, filters.patient_id)
        query = query.where(Alert.patient_id == filters.patient_id)
    if filters.status is not None:
        query = query.where(Alert.status == filters.status)
    if filters.tier is not None:
        query = query.where(Alert.tier == filters.tier)
    query = query.options(*WITH_THREAD)
    rows, total = one_page(session, query, (TIER_ORDER, Alert.raised_at, Alert.id), first, size)
    return AlertPage(items=rows, total=total)


def acknowledge_alert(
    session: Session, clinician: Clinician, alert_id: uuid.UUID, note: str | None, now: datetime
) -> Alert:
    """Someone has it in hand; acknowledging again keeps the first acknowledgement, and its
    note joins the thread as a comment."""
    alert, sequence = alert_for_update(session, clinician, alert_id)
    before = state_of(alert)
    at = acting_time(before, now)
    after = transition(lambda: lifecycle.acknowledge(before, at))
    if after != before:
        write_back(alert, after, sequence)
        alert.acknowledged_by = clinician.user_id
        add_entry(session, alert, NoteAction.ACKNOWLEDGED, note, clinician, at)
    elif note:
        add_entry(session, alert, NoteAction.COMMENTED, note, clinician, at)
    sequence.close()
    session.commit()
    return alert


def comment_on_alert(
    session: Session, clinician: Clinician, alert_id: uuid.UUID, text: str, now: datetime
) -> Alert:
    """A note in the alert's thread; the alert's status stays as it is, resolved or not."""
    alert, sequence = alert_for_update(session, clinician, alert_id)
    add_entry(
        session, alert, NoteAction.COMMENTED, text, clinician, acting_time(state_of(alert), now)
    )
    sequence.close()
    session.commit()
    return alert


def resolve_alert(
    session: Session,
    clinician: Clinician,
    alert_id: uuid.UUID,
    outcome: Outcome,
    note: str,
    now: datetime,
) -> Alert:
    alert, sequence = alert_for_update(session, clinician, alert_id)
    before = state_of(alert)
    at = acting_time(before, now)
    after = transition(lambda: lifecycle.resolve(before, at, outcome))
    write_back(alert, after, sequence)
    alert.resolved_by = clinician.user_id
    add_entry(session, alert, NoteAction.RESOLVED, note, clinician, at)
    sequence.close()
    session.commit()
    return alert


def alert_for_update(
    session: Session, clinician: Clinician, alert_id: uuid.UUID
) -> tuple[Alert, ChangeSequence]:
    patient_id = session.scalar(
        select(Alert.patient_id)
        .join(Patient, Patient.id == Alert.patient_id)
        .where(Alert.id == alert_id, in_reach(clinician, utcnow()))
    )
    if patient_id is None:
        raise NotFound(NO_SUCH_ALERT)
    # The engine changes a patient's alerts under this same lock, inside the sync transaction:
    # read the alert only once it is held, so a concurrent sync's change is never overwritten.
    sequence = ChangeSequence(session, patient_id)
    alert = session.scalars(
        select(Alert).where(Alert.id == alert_id).execution_options(populate_existing=True)
    ).one()
    return alert, sequence


def acting_time(state: AlertState, now: datetime) -> datetime:
    """Now, or the raise time when that is ahead of the server's clock.

    The engine raises at the evaluated moment (a record's time from a phone whose clock runs
    ahead, or the end of the patient's local day); the team must still be able to act on it.
    """
    return max(now, state.raised_at)


def transition(change: Callable[[], AlertState]) -> AlertState:
    """The lifecycle's refusal (acknowledging a resolved alert, resolving twice) as a 409."""
    try:
        return change()
    except LifecycleError as error:
        message = str(error)
        raise Conflict(f"{message[:1].upper()}{message[1:]}.") from None


def write_back(alert: Alert, state: AlertState, sequence: ChangeSequence) -> None:
    alert.status = state.status.value
    alert.acknowledged_at = state.acknowledged_at
    alert.resolved_at = state.resolved_at
    alert.outcome = state.outcome.value if state.outcome else None
    alert.change_seq = sequence.next()

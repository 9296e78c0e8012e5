"""Which patients a clinician may reach.

Lists show the patients of the care teams the clinician belongs to. One patient may also be
opened by an escalation contact of the patient's team while an alert of that patient stands
escalated, and by a clinician holding an unexpired break-glass grant for that patient.
Anything else is answered as if it did not exist, so ids cannot be probed.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from server.models import Alert, BreakGlassGrant, EscalationContact, Patient
from server.models.base import utcnow
from server.security.actors import Clinician
from server.services.errors import NotFound

NO_SUCH_PATIENT = "No such patient among your care teams' patients."
# An escalation contact keeps the patient a day after the escalated alert is resolved, so the
# page they resolved it from still opens.
ESCALATION_REACH_AFTER_RESOLVED = timedelta(days=1)


def patients_in_reach(clinician: Clinician) -> Select[tuple[Patient]]:
    return select(Patient).where(Patient.care_team_id.in_(clinician.team_ids))


def in_reach(clinician: Clinician, now: datetime) -> ColumnElement[bool]:
    """True for a `Patient` row the clinician may open: their teams', escalated or break-glass."""
    return or_(
        Patient.care_team_id.in_(clinician.team_ids),
        and_(
            Patient.clinic_id == clinician.clinic_id,
            or_(escalated_to(clinician, now), break_glass_open(clinician, now)),
        ),
    )


def escalated_to(clinician: Clinician, now: datetime) -> ColumnElement[bool]:
    return exists(
        select(Alert.id)
        .join(EscalationContact, EscalationContact.care_team_id == Patient.care_team_id)
        .where(
            Alert.patient_id == Patient.id,
            Alert.escalated_at.is_not(None),
            EscalationContact.user_id == clinician.user_id,
            or_(
                Alert.status != "resolved",
                Alert.resolved_at >= now - ESCALATION_REACH_AFTER_RESOLVED,
            ),
        )
    )


def break_glass_open(clinician: Clinician, now: datetime) -> ColumnElement[bool]:
    return exists(
        select(BreakGlassGrant.id).where(
            BreakGlassGrant.user_id == clinician.user_id,
            BreakGlassGrant.patient_id == Patient.id,
            BreakGlassGrant.expires_at > now,
        )
    )


def patient_in_reach(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, *, for_update: bool = False
) -> Patient:
    query = select(Patient).where(Patient.id == patient_id, in_reach(clinician, utcnow()))
    if for_update:
        # Serialises writers of one patient (context revision, enrollment codes) on PostgreSQL.
        query = query.with_for_update(of=Patient)
    patient = session.scalar(query)
    if patient is None:
        raise NotFound(NO_SUCH_PATIENT)
    return patient

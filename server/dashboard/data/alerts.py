"""Which alert a patient-page form acts on: one of that patient's, or none at all (404)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Alert
from server.security.actors import Clinician
from server.services.access import patient_in_reach
from server.services.alert_review import NO_SUCH_ALERT
from server.services.errors import NotFound


def check_alert_of_patient(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, alert_id: uuid.UUID
) -> None:
    """The audit row names the patient in the URL, so the alert must really be theirs."""
    patient_in_reach(session, clinician, patient_id)
    owner = session.scalar(select(Alert.patient_id).where(Alert.id == alert_id))
    if owner != patient_id:
        raise NotFound(NO_SUCH_ALERT)

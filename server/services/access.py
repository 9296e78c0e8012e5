"""Which patients a clinician may reach: those of the care teams they belong to.

Anything else is answered as if it did not exist, so ids cannot be probed.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from server.models import Patient
from server.security.actors import Clinician
from server.services.errors import NotFound

NO_SUCH_PATIENT = "No such patient among your care teams' patients."


def patients_in_reach(clinician: Clinician) -> Select[tuple[Patient]]:
    return select(Patient).where(Patient.care_team_id.in_(clinician.team_ids))


def patient_in_reach(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, *, for_update: bool = False
) -> Patient:
    query = patients_in_reach(clinician).where(Patient.id == patient_id)
    if for_update:
        # Serialises writers of one patient (context revision, enrollment codes) on PostgreSQL.
        query = query.with_for_update()
    patient = session.scalar(query)
    if patient is None:
        raise NotFound(NO_SUCH_PATIENT)
    return patient

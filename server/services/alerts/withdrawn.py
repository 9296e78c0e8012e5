"""Evidence changed after it raised an alert: the alert stays, the record is marked withdrawn."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Alert


def mark_withdrawn(session: Session, patient_id: uuid.UUID, changed_ids: list[str]) -> None:
    if not changed_ids:
        return
    changed = set(changed_ids)
    # A patient has few alerts; reading them beats a JSON containment query per dialect.
    for alert in session.scalars(select(Alert).where(Alert.patient_id == patient_id)):
        hit = changed.intersection(alert.evidence) - set(alert.withdrawn)
        if hit:
            alert.withdrawn = [*alert.withdrawn, *sorted(hit)]

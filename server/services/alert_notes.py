"""The thread of an alert: acknowledged, comments, resolved, each with its author and time.

Entries are added, never edited: a clinician reads who did what, in the order it happened.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from server.models import Alert, AlertNote, NoteAction
from server.security.actors import Clinician


def add_entry(
    session: Session,
    alert: Alert,
    action: NoteAction,
    text: str | None,
    author: Clinician,
    at: datetime,
) -> AlertNote:
    """One more entry in `alert`'s thread (the caller commits)."""
    entry = AlertNote(
        clinic_id=alert.clinic_id,
        patient_id=alert.patient_id,
        alert_id=alert.id,
        action=action,
        text=text,
        author_id=author.user_id,
        at=at,
    )
    session.add(entry)
    alert.notes.append(entry)
    return entry


def note_ids(alert: Alert) -> list[uuid.UUID]:
    return [entry.id for entry in alert.notes]

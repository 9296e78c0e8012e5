"""Clinicians' notes about a patient, not tied to an alert ("phoned, family aware")."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import PatientNote
from server.security.actors import Clinician
from server.services.access import patient_in_reach
from server.services.paging import one_page


def add_note(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, text: str, now: datetime
) -> PatientNote:
    patient = patient_in_reach(session, clinician, patient_id)
    note = PatientNote(
        clinic_id=patient.clinic_id,
        patient_id=patient.id,
        text=text,
        author_id=clinician.user_id,
        at=now,
    )
    session.add(note)
    session.commit()
    return note


def notes_page(
    session: Session, clinician: Clinician, patient_id: uuid.UUID, first: int, size: int
) -> tuple[list[PatientNote], int]:
    """One page of the patient's notes, newest first, and how many there are."""
    patient = patient_in_reach(session, clinician, patient_id)
    query = select(PatientNote).where(PatientNote.patient_id == patient.id)
    return one_page(session, query, (PatientNote.at.desc(), PatientNote.id), first, size)


def latest_notes(session: Session, patient_id: uuid.UUID, limit: int) -> list[PatientNote]:
    """The newest `limit` notes, for a patient already in the reader's reach."""
    return list(
        session.scalars(
            select(PatientNote)
            .where(PatientNote.patient_id == patient_id)
            .order_by(PatientNote.at.desc(), PatientNote.id)
            .limit(limit)
        )
    )


def notes_between(
    session: Session, patient_id: uuid.UUID, start: datetime, end: datetime
) -> list[PatientNote]:
    """The notes written in [start, end), oldest first: the timeline's."""
    return list(
        session.scalars(
            select(PatientNote)
            .where(
                PatientNote.patient_id == patient_id,
                PatientNote.at >= start,
                PatientNote.at < end,
            )
            .order_by(PatientNote.at, PatientNote.id)
        )
    )

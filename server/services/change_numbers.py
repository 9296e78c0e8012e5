"""A single clinician change (a treatment, the context) takes one number of the patient's
change sequence, so the patient's phones pull it at their next sync."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from server.services.change_sequence import ChangeSequence


def next_change(session: Session, patient_id: uuid.UUID) -> int:
    sequence = ChangeSequence(session, patient_id)
    number = sequence.next()
    sequence.close()
    return number

"""Who printed a record and when: the footer of the patient page's printout and of the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from server.models import User
from server.security.actors import Clinician


@dataclass(frozen=True)
class Printout:
    # When the record was read from the database: a page printed later still shows its data
    # as of this moment, so this is the time a reader must trust it to.
    at: datetime
    by: str


def printout(session: Session, clinician: Clinician, now: datetime) -> Printout:
    return Printout(at=now, by=session.get_one(User, clinician.user_id).email)

"""A stored treatment row as the wire record phones, pulls and the engine read."""

from __future__ import annotations

from server.models import Treatment
from shared import records


def as_record(treatment: Treatment) -> records.Treatment:
    """The stored row as the wire record the phone and the engine read."""
    return records.Treatment(
        id=str(treatment.id),
        kind=treatment.kind,
        started_on=treatment.started_on,
        sites=tuple(treatment.sites),
        ended_on=treatment.ended_on,
        revision=treatment.revision,
        deleted=treatment.deleted,
        details=records.TreatmentDetails(**treatment.details),
    )

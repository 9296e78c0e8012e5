"""One pain report or dose as the phone sent it: where an alert's evidence links lead."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, render_template
from sqlalchemy import select

from server.api.audit import audited
from server.dashboard.guard import clinician
from server.extensions import db
from server.models import Dose, PainReport
from server.services.access import patient_in_reach
from server.services.errors import NotFound


def register(blp: Blueprint) -> None:
    blp.add_url_rule("/patients/<uuid:patient_id>/records/<uuid:record_id>", view_func=show_record)


@audited("dashboard.record")
def show_record(patient_id: uuid.UUID, record_id: uuid.UUID) -> Any:
    patient = patient_in_reach(db.session, clinician(), patient_id)
    for model, kind in ((PainReport, "Pain report"), (Dose, "Dose")):
        row = db.session.scalar(
            select(model).where(model.id == record_id, model.patient_id == patient_id)
        )
        if row is not None:
            return render_template("record.html", patient=patient, record=row, kind=kind)
    raise NotFound("No such report or dose for this patient.")

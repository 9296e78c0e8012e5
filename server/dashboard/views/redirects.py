"""Where a patient-page form sends the browser once its change is saved."""

from __future__ import annotations

import uuid

from flask import redirect, url_for
from werkzeug.wrappers import Response


def back_to_patient(patient_id: uuid.UUID, anchor: str | None = None) -> Response:
    # 303: the browser follows with a GET, so a reload never posts the form twice.
    return redirect(url_for("dashboard.show_patient", patient_id=patient_id, _anchor=anchor), 303)

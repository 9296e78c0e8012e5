"""The add-treatment form as a wire treatment record (a new id, revision 1)."""

from __future__ import annotations

import uuid
from typing import Any

from server.dashboard.forms import load_wire, number, text
from shared import records
from shared.wire import TreatmentSchema


def treatment_from(form: Any) -> records.Treatment:
    details: dict[str, Any] = {
        "dose_gy": number(text(form, "dose_gy")),
        "fractions": number(text(form, "fractions")),
        "agent": text(form, "agent"),
        "interval_weeks": number(text(form, "interval_weeks")),
    }
    details = {name: value for name, value in details.items() if value is not None}
    if form.get("stopped"):
        details["stopped"] = True
    wire: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "kind": form.get("kind", ""),
        "sites": [site for site in form.getlist("sites") if site],
        "started_on": form.get("started_on", ""),
        "revision": 1,
        "deleted": False,
        "details": details,
    }
    if text(form, "ended_on"):
        wire["ended_on"] = text(form, "ended_on")
    record: records.Treatment = load_wire(TreatmentSchema(), wire)
    return record

"""The add-treatment form as a wire treatment record (a new id, revision 1)."""

from __future__ import annotations

import uuid
from typing import Any

from server.dashboard.forms import dotted, load_wire, number, text
from shared import records
from shared.wire import TreatmentSchema

LABELS = {
    "kind": "Kind",
    "sites": "Sites",
    "started_on": "Started",
    "ended_on": "Ended",
    "dose_gy": "Dose (Gy)",
    "fractions": "Fractions",
    "agent": "Bone agent",
    "interval_weeks": "Every (weeks)",
    "stopped": "Course stopped",
}


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
    record: records.Treatment = load_wire(TreatmentSchema(), wire, form_field)
    return record


def form_field(path: tuple[str | int, ...]) -> str:
    """The form names a detail without its `details.` and the list of sites as one field."""
    named = [part for part in path if isinstance(part, str)]
    if named[:1] == ["details"] and len(named) > 1:
        return named[1]
    return dotted(path)

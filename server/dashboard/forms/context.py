"""The patient-context form as a whole new context record at the next revision.

The form carries the revision it was read at, so two clinicians editing at once get a
conflict instead of one silently overwriting the other. Lesion and medication rows are
repeated fields; a row with no site (or no medication) is dropped, which is how one is removed.
"""

from __future__ import annotations

import uuid
from typing import Any

from server.dashboard.forms import load_wire, number
from shared import records
from shared.wire import PatientContextSchema


def context_from(form: Any, patient_id: uuid.UUID) -> records.PatientContext:
    read_at = form.get("revision", "")
    wire: dict[str, Any] = {
        "id": str(patient_id),
        "revision": int(read_at) + 1 if read_at.isdigit() else read_at,
        "care_team_id": form.get("care_team_id", ""),
        "time_zone": form.get("time_zone", "").strip(),
        "helpline": form.get("helpline", "").strip(),
        "status": form.get("status", ""),
        "lesions": lesions_from(form),
        "medications": medications_from(form),
    }
    record: records.PatientContext = load_wire(PatientContextSchema(), wire)
    return record


def lesions_from(form: Any) -> list[dict[str, Any]]:
    rows = zip(
        form.getlist("lesion_site"),
        form.getlist("lesion_type"),
        form.getlist("lesion_cortical"),
        strict=False,
    )
    lesions = []
    for site, kind, cortical in rows:
        if not site:
            continue
        lesion = {"site": site}
        if kind:
            lesion["type"] = kind
        if cortical:
            lesion["cortical_involvement"] = cortical
        lesions.append(lesion)
    return lesions


MEDICATION_FIELDS = ("medication", "dose", "unit", "route", "purpose", "since", "until")


def medications_from(form: Any) -> list[dict[str, Any]]:
    columns = [form.getlist(f"med_{name}") for name in MEDICATION_FIELDS]
    plan = []
    for values in zip(*columns, strict=False):
        row = dict(zip(MEDICATION_FIELDS, (value.strip() for value in values), strict=True))
        if not row["medication"]:
            continue
        entry: dict[str, Any] = {
            "medication": row["medication"],
            "purpose": row["purpose"],
            "since": row["since"],
            "until": row["until"] or None,
        }
        for name in ("unit", "route"):
            if row[name]:
                entry[name] = row[name]
        if row["dose"]:
            entry["dose"] = number(row["dose"])
        plan.append(entry)
    return plan

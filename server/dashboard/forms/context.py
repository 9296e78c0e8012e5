"""The patient-context form as a whole new context record at the next revision.

The form carries the revision it was read at, so two clinicians editing at once get a
conflict instead of one silently overwriting the other. Lesion and medication rows are
repeated fields; a row with no site (or no medication) is dropped, which is how one is removed.
A refusal names each bad field of a row as `field.N`, N the row as posted.
"""

from __future__ import annotations

import uuid
from typing import Any

from server.dashboard.forms import FieldOf, dotted, load_wire, number, refused
from server.dashboard.forms.time_zone import zone_problems
from server.services.errors import InvalidInput
from shared import records
from shared.config import RulesConfig
from shared.plausibility import amount_text, exceeds_limit
from shared.wire import PatientContextSchema

LABELS = {
    "care_team_id": "Care team",
    "time_zone": "Time zone",
    "helpline": "Helpline",
    "status": "Status",
    "lesion_site": "Site",
    "lesion_type": "Type",
    "lesion_cortical": "Cortical involvement",
    "med_medication": "Medicine",
    "med_dose": "Dose",
    "med_unit": "Unit",
    "med_route": "Route",
    "med_purpose": "Purpose",
    "med_since": "Since",
    "med_until": "Until",
}
# The form's repeated fields, by the wire name of the list and of each entry's key.
ROW_FIELDS = {
    "lesions": {
        "site": "lesion_site",
        "type": "lesion_type",
        "cortical_involvement": "lesion_cortical",
    },
    "medications": {
        name: f"med_{name}"
        for name in ("medication", "dose", "unit", "route", "purpose", "since", "until")
    },
}


def context_from(
    form: Any, patient_id: uuid.UUID, config: RulesConfig | None = None
) -> records.PatientContext:
    read_at = form.get("revision", "")
    lesions, lesion_rows = lesions_from(form)
    medications, medication_rows = medications_from(form)
    zone = form.get("time_zone", "").strip()
    wire: dict[str, Any] = {
        "id": str(patient_id),
        "revision": int(read_at) + 1 if read_at.isdigit() else read_at,
        "care_team_id": form.get("care_team_id", ""),
        "time_zone": zone,
        "helpline": form.get("helpline", "").strip(),
        "status": form.get("status", ""),
        "lesions": lesions,
        "medications": medications,
    }
    # Every problem at once: the zone database's verdict joins the schema's.
    problems = zone_problems(zone)
    try:
        record: records.PatientContext = load_wire(
            PatientContextSchema(),
            wire,
            posted_field({"lesions": lesion_rows, "medications": medication_rows}),
        )
    except InvalidInput as refusal:
        raise refused({**(refusal.errors or {}), **problems}) from None
    problems |= unconfirmed_doses(form, record, medication_rows, config or RulesConfig())
    if problems:
        raise refused(problems)
    return record


def unconfirmed_doses(
    form: Any, record: records.PatientContext, rows: list[int], config: RulesConfig
) -> dict[str, list[str]]:
    """A planned dose far above usual is asked about, as the phone asks: saved once confirmed."""
    confirmed = set(form.getlist("med_dose_confirmed"))
    asked = {}
    for row, medication in zip(rows, record.medications, strict=True):
        dose, unit, route = medication.dose, medication.unit, medication.route
        if dose is None or unit is None or route is None or str(row) in confirmed:
            continue
        if exceeds_limit(medication.medication, dose, unit, route, config):
            asked[f"med_dose.{row}"] = [
                f"Is {amount_text(dose)} {unit} right? That is far above usual doses. "
                "Tick “the amount is right” to save it."
            ]
    return asked


def posted_field(rows: dict[str, list[int]]) -> FieldOf:
    """A schema error's form field: `medications.2.since` is `med_since.N`, N the posted row."""

    def named(path: tuple[str | int, ...]) -> str:
        if len(path) >= 3 and path[0] in rows and isinstance(path[1], int):
            form_name = ROW_FIELDS[str(path[0])].get(str(path[2]))
            if form_name is not None:
                return f"{form_name}.{rows[str(path[0])][path[1]]}"
        return dotted(path)

    return named


def lesions_from(form: Any) -> tuple[list[dict[str, Any]], list[int]]:
    """The lesions, and the posted row each came from."""
    rows = zip(
        form.getlist("lesion_site"),
        form.getlist("lesion_type"),
        form.getlist("lesion_cortical"),
        strict=False,
    )
    lesions, posted = [], []
    for row, (site, kind, cortical) in enumerate(rows):
        if not site:
            continue
        lesion = {"site": site}
        if kind:
            lesion["type"] = kind
        if cortical:
            lesion["cortical_involvement"] = cortical
        lesions.append(lesion)
        posted.append(row)
    return lesions, posted


MEDICATION_FIELDS = tuple(ROW_FIELDS["medications"])


def medications_from(form: Any) -> tuple[list[dict[str, Any]], list[int]]:
    """The medication plan, and the posted row each entry came from."""
    columns = [form.getlist(f"med_{name}") for name in MEDICATION_FIELDS]
    plan, posted = [], []
    for row_number, values in enumerate(zip(*columns, strict=False)):
        row = dict(zip(MEDICATION_FIELDS, (value.strip() for value in values), strict=True))
        if not row["medication"]:
            continue
        entry: dict[str, Any] = {
            "medication": row["medication"],
            "purpose": row["purpose"],
            "until": row["until"] or None,
        }
        # Left out when blank, so the schema says it is required rather than not a date.
        for name in ("unit", "route", "since"):
            if row[name]:
                entry[name] = row[name]
        if row["dose"]:
            entry["dose"] = number(row["dose"])
        plan.append(entry)
        posted.append(row_number)
    return plan, posted

"""The identity form (name, hospital number, date of birth, sex) through the API's own schema."""

from __future__ import annotations

from typing import Any

from server.api.schemas.patients import PatientUpdateSchema
from server.dashboard.forms import load_wire, text
from server.extensions import db
from server.models import Clinic
from server.security.actors import Clinician
from server.services.errors import InvalidInput

MRN_REQUIRED = (
    "Please check the form: write the patient's hospital number (MRN); "
    "this clinic's patients must have one."
)
MRN_MISSING = "write the patient's hospital number (MRN); this clinic's patients must have one"
LABELS = {
    "display_name": "Name",
    "mrn": "Hospital number (MRN)",
    "birth_date": "Date of birth",
    "sex": "Sex",
    "care_team_id": "Care team",
    "time_zone": "Time zone",
}


def mrn_required(who: Clinician) -> bool:
    """The clinic's patients need a hospital number unless its setting says they may lack one."""
    clinic = db.session.get(Clinic, who.clinic_id)
    return clinic is None or not clinic.patients_may_lack_mrn


def identifiers_from(form: Any, mrn_required: bool) -> dict[str, Any]:
    """The identifiers as the services take them; a blank optional field clears it."""
    wire = {
        "display_name": text(form, "display_name") or "",
        "mrn": text(form, "mrn"),
        "birth_date": text(form, "birth_date"),
        "sex": text(form, "sex"),
    }
    if mrn_required and wire["mrn"] is None:
        raise InvalidInput(MRN_REQUIRED, {"mrn": [MRN_MISSING]})
    fields: dict[str, Any] = load_wire(PatientUpdateSchema(), wire)
    return fields

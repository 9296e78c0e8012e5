"""Wire schema of a dose taken, logged on the phone."""

from datetime import datetime
from typing import Any

from marshmallow import ValidationError, post_load, validates, validates_schema

from shared.records import Dose
from shared.vocab import DOSE_PURPOSES, MEDICATIONS, ROUTES, UNITS
from shared.wire.base import WireSchema
from shared.wire.fields import (
    LARGEST_REVISION,
    aware_time,
    code_field,
    flag_field,
    positive_number,
    uuid_field,
    whole_number,
)

# Units a dose can be converted from, per unit of the medication's OME factor.
_CONVERTIBLE_UNITS = {"mg": ("mg", "mcg"), "mcg": ("mcg", "mg"), "mcg/h": ("mcg/h",)}


class DoseSchema(WireSchema):
    id = uuid_field("id")
    taken_at = aware_time("taken_at")
    revision = whole_number("revision", minimum=1, maximum=LARGEST_REVISION)
    deleted = flag_field("deleted")
    medication = code_field("medication", MEDICATIONS)
    dose = positive_number("dose")
    unit = code_field("unit", UNITS)
    route = code_field("route", ROUTES)
    purpose = code_field("purpose", DOSE_PURPOSES)

    @validates("taken_at")
    def _not_too_far_ahead(self, value: datetime, data_key: str) -> None:
        self.reject_far_future(value, data_key)

    @validates_schema(skip_on_field_errors=True)
    def _unit_converts_to_ome(self, data: dict[str, Any], **_: Any) -> None:
        # An opioid in ml cannot be converted without the liquid's strength; accepting it
        # would quietly lower the daily OME that rules 7, 8 and 10 read.
        medication = MEDICATIONS[data["medication"]]
        if medication.ome_unit is None:
            return
        allowed = _CONVERTIBLE_UNITS[medication.ome_unit]
        if data["unit"] not in allowed:
            raise ValidationError(
                f"{medication.label} doses must be given in {' or '.join(allowed)} so they can "
                "be converted to oral morphine equivalents",
                field_name="unit",
            )

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> Dose:
        return Dose(**{**data, "id": str(data["id"])})

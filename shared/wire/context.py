"""Wire schema of the patient context: lesions, medication plan, helpline and status.

Replay input needs only `id`; it loads with `partial=True`, and the dataclass defaults fill in
the rest.
"""

from typing import Any

from marshmallow import fields, post_load, validate

from shared.records import Lesion, PatientContext, PlannedMedication
from shared.vocab import (
    CORTICAL_INVOLVEMENT,
    DOSE_PURPOSES,
    LESION_TYPES,
    MEDICATIONS,
    PATIENT_STATUSES,
    ROUTES,
    SITES,
    UNITS,
)
from shared.wire.base import WireSchema
from shared.wire.fields import (
    LARGEST_REVISION,
    code_field,
    date_field,
    positive_number,
    text_field,
    uuid_field,
    whole_number,
)

HELPLINE_MAX_CHARACTERS = 40
# Only the shape of an IANA name: the zone database lives on disk, and shared/ does no I/O,
# so callers that hold the database (the server) check that the zone exists.
_TIME_ZONE_SHAPE = r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$"


class LesionSchema(WireSchema):
    omit_when_none = frozenset({"type", "cortical_involvement"})

    site = code_field("site", SITES)
    type = code_field("lesion type", LESION_TYPES, required=False, allow_none=True)
    cortical_involvement = code_field(
        "cortical involvement", CORTICAL_INVOLVEMENT, required=False, allow_none=True
    )

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> Lesion:
        return Lesion(**data)


class PlannedMedicationSchema(WireSchema):
    omit_when_none = frozenset({"dose", "unit", "route"})

    medication = code_field("medication", MEDICATIONS)
    dose = positive_number("dose", required=False)
    unit = code_field("unit", UNITS, required=False, allow_none=True)
    route = code_field("route", ROUTES, required=False, allow_none=True)
    purpose = code_field("purpose", DOSE_PURPOSES)
    since = date_field("since")
    until = date_field("until", required=False, allow_none=True)

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> PlannedMedication:
        return PlannedMedication(**data)


class PatientContextSchema(WireSchema):
    id = uuid_field("id")
    revision = whole_number("revision", minimum=1, maximum=LARGEST_REVISION)
    care_team_id = uuid_field("care_team_id")
    time_zone = fields.String(
        required=True,
        validate=[
            validate.Length(max=64, error="time_zone must be at most 64 characters"),
            validate.Regexp(
                _TIME_ZONE_SHAPE,
                error="time_zone must be an IANA time zone name such as Europe/London",
            ),
        ],
        error_messages={"required": "time_zone is required", "invalid": "time_zone must be text"},
    )
    helpline = text_field("helpline", max_length=HELPLINE_MAX_CHARACTERS, required=True)
    status = code_field("status", PATIENT_STATUSES)
    lesions = fields.List(fields.Nested(LesionSchema), load_default=list)
    medications = fields.List(fields.Nested(PlannedMedicationSchema), load_default=list)

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> PatientContext:
        care_team_id = data.get("care_team_id")
        return PatientContext(
            id=str(data["id"]),
            revision=data.get("revision", 1),
            care_team_id=None if care_team_id is None else str(care_team_id),
            time_zone=data.get("time_zone"),
            helpline=data.get("helpline"),
            status=data.get("status", "active"),
            lesions=tuple(data.get("lesions", ())),
            medications=tuple(data.get("medications", ())),
        )

"""Wire schema of a treatment, entered by a clinician and synced down to the phone."""

from typing import Any

from marshmallow import ValidationError, fields, post_load, validates_schema

from shared.records import Treatment, TreatmentDetails
from shared.vocab import SITES, TREATMENT_KINDS
from shared.vocab.medications import MEDICATIONS, MedicationClass
from shared.wire.base import WireSchema
from shared.wire.fields import (
    LARGEST_REVISION,
    code_field,
    code_list,
    date_field,
    flag_field,
    positive_number,
    uuid_field,
    whole_number,
)

BONE_AGENTS = tuple(
    code
    for code, medication in MEDICATIONS.items()
    if medication.drug_class is MedicationClass.BONE_AGENT
)


class TreatmentDetailsSchema(WireSchema):
    omit_when_none = frozenset({"dose_gy", "fractions", "agent", "interval_weeks"})

    dose_gy = positive_number("details.dose_gy", required=False)
    fractions = whole_number("details.fractions", minimum=1, required=False)
    agent = code_field("bone agent", BONE_AGENTS, required=False, allow_none=True)
    interval_weeks = whole_number("details.interval_weeks", minimum=1, required=False)
    stopped = flag_field("details.stopped")

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> TreatmentDetails:
        return TreatmentDetails(**data)


class TreatmentSchema(WireSchema):
    omit_when_none = frozenset({"ended_on"})

    id = uuid_field("id")
    kind = code_field("treatment kind", TREATMENT_KINDS)
    sites = code_list("site", SITES)
    started_on = date_field("started_on")
    ended_on = date_field("ended_on", required=False, allow_none=True)
    revision = whole_number("revision", minimum=1, maximum=LARGEST_REVISION)
    deleted = flag_field("deleted")
    details = fields.Nested(TreatmentDetailsSchema, load_default=TreatmentDetails)

    @validates_schema(skip_on_field_errors=True)
    def _dates_and_sites_agree(self, data: dict[str, Any], **_: Any) -> None:
        ended_on = data.get("ended_on")
        if ended_on is not None and ended_on < data["started_on"]:
            raise ValidationError("ended_on must be on or after started_on", "ended_on")
        if data["kind"] != "radiotherapy":
            return
        # The flare and response windows of rules 7 and 8 count from the treated sites and
        # the last day of the course, so a course without them cannot be followed.
        if not data["sites"]:
            raise ValidationError("a radiotherapy course needs at least one site", "sites")
        if ended_on is None:
            raise ValidationError(
                "a radiotherapy course needs ended_on (the planned last day)", "ended_on"
            )

    @post_load
    def _make(self, data: dict[str, Any], **_: Any) -> Treatment:
        return Treatment(
            id=str(data["id"]),
            kind=data["kind"],
            started_on=data["started_on"],
            sites=tuple(data["sites"]),
            ended_on=data.get("ended_on"),
            revision=data["revision"],
            deleted=data["deleted"],
            details=data["details"],
        )

"""A patient's timeline: the range asked for, and what the patient and the team recorded in it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from server.api.schemas.alerts import AlertSchema
from server.api.schemas.base import StrictSchema
from server.api.schemas.patients import PatientNoteSchema
from server.services.timeline import MAX_DAYS

# Far enough either way for any real record; keeps day arithmetic clear of date.min and date.max.
PLAUSIBLE_DAYS = validate.Range(min=date(1900, 1, 1), max=date(2999, 12, 31))


class TimelineQuerySchema(StrictSchema):
    first = fields.Date(
        data_key="from",
        validate=PLAUSIBLE_DAYS,
        metadata={"description": "first local day; 29 days before `to` when left out"},
    )
    last = fields.Date(
        data_key="to",
        validate=PLAUSIBLE_DAYS,
        metadata={"description": "last local day; today, or 29 days after `from`, when left out"},
    )

    @validates_schema
    def bounded(self, data: dict[str, Any], **kwargs: Any) -> None:
        first, last = data.get("first"), data.get("last")
        if first is None or last is None:
            return
        if last < first:
            raise ValidationError("must not be before 'from'", "to")
        if last - first >= timedelta(days=MAX_DAYS):
            raise ValidationError(f"a timeline covers at most {MAX_DAYS} days; ask for less", "to")


class TimelineRecordSchema(Schema):
    """A report or dose as the server holds it: the phone's record and the server's flags."""

    id = fields.UUID(required=True)
    local_day = fields.Date(required=True)
    revision = fields.Integer(required=True)
    deleted = fields.Boolean(required=True)
    clock_ahead = fields.Boolean(
        required=True, metadata={"description": "the phone's clock was ahead of the server's"}
    )
    received_at = fields.DateTime(required=True)
    record = fields.Dict(
        required=True, attribute="body", metadata={"description": "the wire record as sent"}
    )


class ConflictSchema(Schema):
    """A revision another device sent with the same number and other content; kept, not applied."""

    record_kind = fields.String(required=True, metadata={"description": "report or dose"})
    record_id = fields.UUID(required=True)
    revision = fields.Integer(required=True)
    received_at = fields.DateTime(required=True)
    record = fields.Dict(required=True, attribute="body")


class TimelineSchema(Schema):
    patient_id = fields.UUID(required=True)
    first = fields.Date(required=True, data_key="from", attribute="days.first")
    last = fields.Date(required=True, data_key="to", attribute="days.last")
    reports = fields.List(fields.Nested(TimelineRecordSchema), required=True)
    doses = fields.List(fields.Nested(TimelineRecordSchema), required=True)
    treatments = fields.List(fields.Dict(), required=True, metadata={"description": "wire records"})
    alerts = fields.List(fields.Nested(AlertSchema), required=True)
    conflicts = fields.List(fields.Nested(ConflictSchema), required=True)
    notes = fields.List(
        fields.Nested(PatientNoteSchema),
        required=True,
        metadata={"description": "clinicians' notes about the patient, oldest first"},
    )

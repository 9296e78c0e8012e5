"""Request and response of `POST /api/v1/sync` (architecture.md, "Sync protocol").

Pushed items are taken as raw objects here and validated one by one with the shared wire schemas
in the service, so one bad item is rejected alone and the good ones are stored.
"""

from __future__ import annotations

from marshmallow import Schema, fields

from server.api.schemas.base import StrictSchema


class SyncRequestSchema(StrictSchema):
    cursor = fields.String(
        load_default=None, allow_none=True, metadata={"description": "null for the first sync"}
    )
    # Raw and nullable: a `null`, a number or a string among the items is that item's refusal in
    # `rejected`, so the good items beside it are still stored.
    reports = fields.List(
        fields.Raw(allow_none=True), load_default=list, metadata={"description": "pain reports"}
    )
    doses = fields.List(
        fields.Raw(allow_none=True), load_default=list, metadata={"description": "doses taken"}
    )


class RejectedSchema(Schema):
    id = fields.String(allow_none=True, required=True)
    index = fields.Integer(
        metadata={"description": "the item's position in its list, when it has no usable id"}
    )
    errors = fields.Dict(required=True, metadata={"description": "messages per field"})


class WarningSchema(Schema):
    id = fields.String(required=True)
    message = fields.String(required=True)


class PhoneAlertSchema(Schema):
    """What a phone learns of an alert: its status only, never the rule or the advice."""

    id = fields.String(required=True)
    status = fields.String(required=True)
    raised_at = fields.DateTime(required=True)
    acknowledged_at = fields.DateTime(allow_none=True)
    resolved_at = fields.DateTime(allow_none=True)


class ChangesSchema(Schema):
    reports = fields.List(fields.Dict(), required=True)
    doses = fields.List(fields.Dict(), required=True)
    treatments = fields.List(fields.Dict(), required=True)
    context = fields.Dict(allow_none=True, required=True)
    alerts = fields.List(fields.Nested(PhoneAlertSchema), required=True)


class SettingsSchema(Schema):
    helpline = fields.String(required=True)
    call_now_text = fields.String(required=True)
    out_of_hours_text = fields.String(required=True)
    check_in_reminder = fields.String(required=True, metadata={"description": "HH:MM local"})
    emergency_number = fields.String(
        required=True, metadata={"description": "the country's emergency number, e.g. 999"}
    )


class SyncResponseSchema(Schema):
    cursor = fields.String(required=True)
    more = fields.Boolean(required=True, metadata={"description": "call again with the cursor"})
    accepted = fields.List(fields.String(), required=True)
    rejected = fields.List(fields.Nested(RejectedSchema), required=True)
    changes = fields.Nested(ChangesSchema, required=True)
    settings = fields.Nested(SettingsSchema, required=True)
    warnings = fields.List(
        fields.Nested(WarningSchema),
        metadata={
            "description": "stored records to check, e.g. a dose far above usual doses (kept out "
            "of OME); older phones ignore it"
        },
    )

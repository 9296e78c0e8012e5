"""A patient's enrolled phones, as their care team sees them."""

from __future__ import annotations

from marshmallow import fields

from server.api.schemas.base import StrictSchema


class DeviceSchema(StrictSchema):
    id = fields.UUID(required=True)
    device_name = fields.String(required=True)
    created_at = fields.DateTime(required=True)
    last_used_at = fields.DateTime(required=True)
    revoked_at = fields.DateTime(allow_none=True, required=True)

"""Enrollment request and response."""

from __future__ import annotations

from marshmallow import fields, validate

from server.api.schemas.base import StrictSchema


class EnrollSchema(StrictSchema):
    code = fields.String(
        required=True,
        validate=validate.Length(min=1, max=20),
        metadata={"example": "K7M2-Q9TX"},
    )
    device_name = fields.String(required=True, validate=validate.Length(min=1, max=100))


class EnrolledSchema(StrictSchema):
    token = fields.String(required=True, metadata={"description": "The device's bearer token."})
    patient_id = fields.UUID(required=True)

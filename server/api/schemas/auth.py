"""Login request and response."""

from __future__ import annotations

from marshmallow import fields, validate

from server.api.schemas.base import StrictSchema


class LoginSchema(StrictSchema):
    email = fields.String(required=True, validate=validate.Length(min=1, max=320))
    password = fields.String(required=True, validate=validate.Length(min=1, max=1024))
    otp = fields.String(
        allow_none=True,
        validate=validate.Length(max=10),
        metadata={"description": "The authenticator's code; required for admins."},
    )


class TeamSchema(StrictSchema):
    id = fields.UUID(required=True)
    name = fields.String(required=True)


class UserSchema(StrictSchema):
    id = fields.UUID(required=True)
    email = fields.String(required=True)
    role = fields.String(required=True, metadata={"description": "clinician or admin"})
    teams = fields.List(fields.Nested(TeamSchema), required=True)


class LoginResponseSchema(StrictSchema):
    token = fields.String(required=True, metadata={"description": "Send as 'Bearer <token>'."})
    expires_at = fields.DateTime(required=True)
    user = fields.Nested(UserSchema, required=True)

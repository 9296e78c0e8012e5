"""Patients as clinicians see them, and the enrollment codes that link their phones."""

from __future__ import annotations

from marshmallow import fields, validate

from server.api.schemas.alerts import AuthorSchema, not_blank
from server.api.schemas.base import StrictSchema, existing_time_zone
from server.api.schemas.identifiers import birth_date_field, mrn_field, sex_field
from server.api.schemas.search import searchable
from server.models import PatientSex, PatientStatus

STATUSES = [status.value for status in PatientStatus]


class PatientCreateSchema(StrictSchema):
    display_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    care_team_id = fields.UUID(required=True)
    mrn = mrn_field(allow_none=True)
    birth_date = birth_date_field(allow_none=True)
    sex = sex_field(allow_none=True)
    time_zone = fields.String(
        validate=[validate.Length(max=64), existing_time_zone],
        metadata={"description": "IANA name; UTC when left out."},
    )


class PatientUpdateSchema(StrictSchema):
    """The fields to change; null clears an identifier."""

    display_name = fields.String(validate=validate.Length(min=1, max=200))
    mrn = mrn_field(allow_none=True)
    birth_date = birth_date_field(allow_none=True)
    sex = sex_field(allow_none=True)


class PatientListQuerySchema(StrictSchema):
    status = fields.Enum(PatientStatus, by_value=True)
    q = fields.String(
        validate=searchable,
        metadata={
            "description": "Part of the name, or the start of the MRN; case does not matter.",
            "example": "smi",
        },
    )


class PatientSchema(StrictSchema):
    id = fields.UUID(required=True)
    display_name = fields.String(required=True)
    mrn = fields.String(required=True, allow_none=True)
    birth_date = fields.Date(required=True, allow_none=True)
    sex = fields.Enum(PatientSex, by_value=True, required=True, allow_none=True)
    care_team_id = fields.UUID(required=True)
    time_zone = fields.String(required=True)
    helpline = fields.String(required=True)
    status = fields.Enum(PatientStatus, by_value=True, required=True)
    lesions = fields.List(fields.Dict(), required=True)
    medications = fields.List(fields.Dict(), required=True)
    revision = fields.Integer(
        required=True,
        attribute="context_revision",
        metadata={"description": "The context's revision; send the next one to change it."},
    )
    created_at = fields.DateTime(required=True)


class EnrollmentCodeSchema(StrictSchema):
    enrollment_code = fields.String(required=True, metadata={"example": "K7M2-Q9TX"})
    enrollment_code_expires_at = fields.DateTime(required=True)
    enrollment_link = fields.String(
        required=True,
        metadata={"description": "What the QR code for the phone encodes."},
    )


class PatientCreatedSchema(EnrollmentCodeSchema):
    patient = fields.Nested(PatientSchema, required=True)


class PatientNoteCreateSchema(StrictSchema):
    text = fields.String(required=True, validate=[validate.Length(min=1, max=2000), not_blank])


class PatientNoteSchema(StrictSchema):
    id = fields.UUID(required=True)
    patient_id = fields.UUID(required=True)
    text = fields.String(required=True)
    author = fields.Nested(AuthorSchema, required=True)
    at = fields.DateTime(required=True)

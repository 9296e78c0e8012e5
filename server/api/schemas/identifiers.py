"""Who a patient is: the hospital number (MRN), date of birth and sex, checked at every entrance."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from marshmallow import ValidationError, fields, validate

from server.models import PatientSex
from server.models.base import utcnow

MRN_LIMIT = 32
EARLIEST_BIRTH = date(1900, 1, 1)


def printable_mrn(text: str) -> None:
    """A hospital number is printed and typed: letters, digits and punctuation, no control codes."""
    if not text.strip():
        raise ValidationError("Write the hospital number, or leave the field out.")
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        raise ValidationError("The hospital number has a control character; type it again.")


def plausible_birth_date(day: date) -> None:
    # The latest calendar date anywhere on earth (UTC+14), so a birth today is never "future".
    latest = (utcnow() + timedelta(hours=14)).date()
    if day > latest:
        raise ValidationError("The date of birth is in the future.")
    if day < EARLIEST_BIRTH:
        raise ValidationError("The date of birth is before 1900; check the year.")


def mrn_field(**options: object) -> fields.String:
    return fields.String(
        validate=[validate.Length(max=MRN_LIMIT, error="At most 32 characters."), printable_mrn],
        metadata={
            "description": "The hospital number, unique within the clinic.",
            "example": "RX1234567",
        },
        **options,
    )


def birth_date_field(**options: object) -> fields.Date:
    return fields.Date(
        validate=plausible_birth_date,
        metadata={"description": "Not in the future, not before 1900."},
        **options,
    )


def sex_field(**options: object) -> fields.Enum:
    return fields.Enum(PatientSex, by_value=True, **options)

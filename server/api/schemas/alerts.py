"""Alerts as clinicians see them, the worklist's filters, the lifecycle's bodies, and snoozes."""

from __future__ import annotations

from marshmallow import ValidationError, fields, validate

from server.api.schemas.base import StrictSchema
from server.models import NoteAction
from shared.lifecycle import TIERS, AlertStatus, Outcome
from shared.rules import RULES
from shared.vocab import SITES

NOTE = validate.Length(min=1, max=2000)
STATUSES = [status.value for status in AlertStatus]
OUTCOMES = [outcome.value for outcome in Outcome]
RULE_IDS = sorted(rule.id for rule in RULES)


def not_blank(text: str) -> None:
    if not text.strip():
        raise ValidationError("Write a few words; blank text is not enough.")


class AuthorSchema(StrictSchema):
    id = fields.UUID(required=True)
    email = fields.String(required=True)


class AlertNoteSchema(StrictSchema):
    action = fields.Enum(NoteAction, by_value=True, required=True)
    text = fields.String(required=True, allow_none=True)
    author = fields.Nested(
        AuthorSchema,
        required=True,
        allow_none=True,
        metadata={"description": "null for entries written before notes had authors"},
    )
    at = fields.DateTime(required=True)


class AlertSchema(StrictSchema):
    id = fields.UUID(required=True)
    patient_id = fields.UUID(required=True)
    rule = fields.String(required=True)
    rule_version = fields.Integer(required=True)
    tier = fields.String(required=True, validate=validate.OneOf(TIERS))
    site = fields.String(required=True, allow_none=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    explanation = fields.String(required=True)
    suggested_action = fields.String(required=True)
    citation = fields.String(required=True)
    evidence = fields.List(
        fields.String(), required=True, metadata={"description": "ids of the records"}
    )
    raised_at = fields.DateTime(required=True)
    acknowledged_at = fields.DateTime(required=True, allow_none=True)
    resolved_at = fields.DateTime(required=True, allow_none=True)
    outcome = fields.String(required=True, allow_none=True, validate=validate.OneOf(OUTCOMES))
    withdrawn = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "evidence records edited or deleted after the alert used them"},
    )
    historical = fields.Boolean(
        required=True,
        metadata={"description": "found in a backfill more than 14 days old; created resolved"},
    )
    no_longer_holds_since = fields.DateTime(
        required=True,
        allow_none=True,
        metadata={"description": "when a clinician's change undid the finding of an active alert"},
    )
    no_longer_holds_because = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": 'the change, e.g. "Radiotherapy to the skull entered on ..."'},
    )
    acknowledged_by = fields.Nested(
        AuthorSchema, required=True, allow_none=True, attribute="acknowledger"
    )
    resolved_by = fields.Nested(AuthorSchema, required=True, allow_none=True, attribute="resolver")
    notes = fields.List(
        fields.Nested(AlertNoteSchema),
        required=True,
        metadata={"description": "who acknowledged, commented and resolved, oldest first"},
    )


class AlertListQuerySchema(StrictSchema):
    status = fields.Enum(AlertStatus, by_value=True)
    tier = fields.String(validate=validate.OneOf(TIERS))
    patient_id = fields.UUID()


class AcknowledgeSchema(StrictSchema):
    note = fields.String(validate=[NOTE, not_blank])


class CommentSchema(StrictSchema):
    text = fields.String(required=True, validate=[NOTE, not_blank])


class ResolveSchema(StrictSchema):
    note = fields.String(required=True, validate=[NOTE, not_blank])
    outcome = fields.Enum(Outcome, by_value=True, required=True)


class SnoozeCreateSchema(StrictSchema):
    rule = fields.String(required=True, validate=validate.OneOf(RULE_IDS))
    site = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.OneOf(sorted(SITES)),
        metadata={"description": "one site of the rule; every site when left out"},
    )
    until = fields.AwareDateTime(
        required=True, metadata={"description": "at most 14 days from now"}
    )
    reason = fields.String(required=True, validate=[validate.Length(min=1, max=500), not_blank])


class SnoozeSchema(StrictSchema):
    id = fields.UUID(required=True)
    patient_id = fields.UUID(required=True)
    rule = fields.String(required=True)
    site = fields.String(required=True, allow_none=True)
    starts_at = fields.DateTime(required=True)
    until = fields.DateTime(required=True)
    reason = fields.String(required=True)
    created_by = fields.UUID(required=True)

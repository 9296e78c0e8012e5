"""The visit summary's query: the period it covers, as the patient page's chart offers it."""

from __future__ import annotations

from marshmallow import fields, validate

from server.api.schemas.base import StrictSchema
from server.dashboard.data.patient_page import CHART_DAYS

PDF = {"type": "string", "format": "binary"}


class SummaryQuerySchema(StrictSchema):
    days = fields.Integer(
        load_default=CHART_DAYS[0],
        validate=validate.OneOf(
            CHART_DAYS, error="A summary covers the last 30 or the last 90 days."
        ),
        metadata={"description": "the period of the chart and of the resolved alerts"},
    )

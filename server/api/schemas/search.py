"""The search box's text, checked before it reaches a query."""

from __future__ import annotations

from marshmallow import ValidationError

from server.services.patient_search import search_problem


def searchable(text: str) -> None:
    problem = search_problem(text)
    if problem is not None:
        raise ValidationError(problem)

"""Errors on dashboard pages read as pages, not as the API's JSON."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from server.security.actors import Clinician
from server.security.current_actor import current_actor
from server.services.errors import DomainError

TITLES = {
    400: "Form refused",
    403: "Not available to you",
    404: "Not found",
    409: "Already changed",
    422: "Please check the form",
    429: "Too many attempts",
}


def install(blp: Blueprint) -> None:
    blp.register_error_handler(DomainError, domain_error_page)
    blp.register_error_handler(HTTPException, http_error_page)


def domain_error_page(error: DomainError) -> Any:
    return error_page(error.status, error.message)


def http_error_page(error: HTTPException) -> Any:
    return error_page(error.code or 500, error.description or "")


def error_page(status: int, message: str) -> Any:
    title = TITLES.get(status, "Something went wrong")
    patient_id = (request.view_args or {}).get("patient_id")
    back = url_for("dashboard.show_patient", patient_id=patient_id) if patient_id else None
    offer = status == 404 and request.endpoint == "dashboard.show_patient"
    if offer and isinstance(current_actor(session_cookie=True), Clinician):
        glass = url_for("dashboard.break_glass_page", patient_id=patient_id)
    else:
        glass = None
    page = render_template(
        "error.html", title=title, message=message, status=status, back=back, break_glass=glass
    )
    return page, status

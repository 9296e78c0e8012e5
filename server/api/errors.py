"""One error shape for the whole API: flask-smorest's `{code, status, message, errors}`.

Services raise domain errors (`server.services.errors`); this module alone turns them into HTTP.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask import Flask, jsonify, make_response, request
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from server.services.errors import DomainError, InvalidInput, NotAuthenticated, TooManyAttempts

JSON_METHODS = ("POST", "PUT", "PATCH")


class PainlineApi(Api):
    """flask-smorest's Api, keeping the `Allow` header on 405 answers (its handler drops it)."""

    def handle_http_exception(self, error: HTTPException) -> Any:
        response = make_response(super().handle_http_exception(error))
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
        return response


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(DomainError, domain_error_response)
    app.before_request(refuse_bodies_that_are_not_json)


def error_body(status: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": status, "status": HTTPStatus(status).phrase, "message": message}
    if errors:
        body["errors"] = errors
    return body


def domain_error_response(error: DomainError) -> Any:
    errors = error.errors
    if isinstance(error, InvalidInput) and errors:
        # Field errors sit under the request location, as the schema validation's do.
        errors = {"json": errors}
    response = jsonify(error_body(error.status, error.message, errors))
    response.status_code = error.status
    if isinstance(error, NotAuthenticated):
        response.headers["WWW-Authenticate"] = 'Bearer realm="painline"'
    if isinstance(error, TooManyAttempts):
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def refuse_bodies_that_are_not_json() -> Any:
    """A body in another format would otherwise read as an empty object and fail confusingly."""
    if request.method not in JSON_METHODS or not request.path.startswith("/api/"):
        return None
    if not request.content_length and not request.headers.get("Transfer-Encoding"):
        return None
    if request.is_json:
        return None
    message = "Send the request body as JSON, with 'Content-Type: application/json'."
    response = jsonify(error_body(415, message))
    response.status_code = 415
    return response

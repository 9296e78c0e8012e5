"""One error shape for the whole API: flask-smorest's `{code, status, message, errors}`.

Services raise domain errors (`server.services.errors`); this module alone turns them into HTTP.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask import Flask, jsonify, make_response
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from server.services.errors import DomainError, InvalidInput, NotAuthenticated, TooManyAttempts


class PainlineApi(Api):
    """flask-smorest's Api, keeping the `Allow` header on 405 answers (its handler drops it)."""

    def handle_http_exception(self, error: HTTPException) -> Any:
        response = make_response(super().handle_http_exception(error))
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
        return response


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(DomainError, domain_error_response)


def error_body(status: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": status, "status": HTTPStatus(status).phrase, "message": message}
    if errors:
        body["errors"] = errors
    return body


def error_response(status: int, message: str, errors: dict[str, Any] | None = None) -> Any:
    response = jsonify(error_body(status, message, errors))
    response.status_code = status
    return response


def domain_error_response(error: DomainError) -> Any:
    errors = error.errors
    if isinstance(error, InvalidInput) and errors:
        # Field errors sit under the request location, as the schema validation's do.
        errors = {"json": errors}
    response = error_response(error.status, error.message, errors)
    if isinstance(error, NotAuthenticated):
        response.headers["WWW-Authenticate"] = 'Bearer realm="painline"'
    if isinstance(error, TooManyAttempts):
        response.headers["Retry-After"] = str(error.retry_after)
    return response

"""Checks every API request body passes before any view sees it.

A body in another format than JSON would otherwise read as an empty object and fail
confusingly; a NUL character would reach PostgreSQL, which refuses it in text columns.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request

from server.api.errors import error_response

JSON_METHODS = ("POST", "PUT", "PATCH")


def register_request_checks(app: Flask) -> None:
    app.before_request(check_api_body)


def check_api_body() -> Any:
    if request.method not in JSON_METHODS or not request.path.startswith("/api/"):
        return None
    if not request.content_length and not request.headers.get("Transfer-Encoding"):
        return None
    if not request.is_json:
        message = "Send the request body as JSON, with 'Content-Type: application/json'."
        return error_response(415, message)
    # Malformed JSON is left to the schema layer, which answers 400 in the error shape.
    body = request.get_json(silent=True)
    if holds_nul(body):
        message = "Text in the request may not contain the NUL character (\\u0000)."
        return error_response(422, message, {"json": {"_schema": [message]}})
    return None


def holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(holds_nul(key) or holds_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(holds_nul(item) for item in value)
    return False

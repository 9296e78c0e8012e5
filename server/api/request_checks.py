"""Checks every API request passes before any view sees it, in this order:

1. the caller is signed in where the operation asks for it (401 before any 422 on the body);
2. the body is JSON, nested at most `DEEPEST` levels (deeper would exhaust the parser's and
   the validators' recursion, a 500), and its text holds nothing the database or a browser
   cannot take: NUL, a lone UTF-16 surrogate, a control character other than tab and newline.

The size limit (`MAX_CONTENT_LENGTH`) is enforced by Werkzeug while the body is read, before
parsing. The items of a sync push are checked one by one by their own schemas instead, so one
bad item is refused alone and the good ones beside it are stored.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request

from server.api.errors import error_response
from server.security.current_actor import NO_TOKEN_MESSAGE, current_actor
from server.services.errors import NotAuthenticated

JSON_METHODS = ("POST", "PUT", "PATCH")
DEEPEST = 32
ALLOWED_CONTROLS = frozenset("\t\n\r")
# Bodies whose lists hold records validated per item (see server/services/sync).
PER_ITEM_LISTS = {"/api/v1/sync": frozenset({"reports", "doses"})}


def register_request_checks(app: Flask) -> None:
    app.before_request(check_signed_in)
    app.before_request(check_api_body)


def check_signed_in() -> None:
    if not request.path.startswith("/api/") or request.endpoint is None:
        return
    view = current_app.view_functions[request.endpoint]
    method = getattr(getattr(view, "view_class", None), request.method.lower(), view)
    if not getattr(method, "painline_needs_sign_in", False):
        return
    session_cookie = getattr(method, "painline_accepts_session", False)
    if current_actor(session_cookie=session_cookie) is None:
        raise NotAuthenticated(NO_TOKEN_MESSAGE)


def check_api_body() -> Any:
    if request.method not in JSON_METHODS or not request.path.startswith("/api/"):
        return None
    if not request.content_length and not request.headers.get("Transfer-Encoding"):
        return None
    if not request.is_json:
        message = "Send the request body as JSON, with 'Content-Type: application/json'."
        return error_response(415, message)
    try:
        # Malformed JSON is left to the schema layer, which answers 400 in the error shape.
        body = request.get_json(silent=True)
    except RecursionError:
        return refusal(too_deep())
    if nesting_depth(body) > DEEPEST:
        return refusal(too_deep())
    problem = text_problem(checked_part(body))
    return refusal(problem) if problem else None


def too_deep() -> str:
    return f"The request body is nested more than {DEEPEST} levels deep; send it flatter."


def refusal(message: str) -> Any:
    return error_response(422, message, {"json": {"_schema": [message]}})


def checked_part(body: Any) -> Any:
    per_item = PER_ITEM_LISTS.get(request.path)
    if per_item and isinstance(body, dict):
        return {key: value for key, value in body.items() if key not in per_item}
    return body


def nesting_depth(value: Any) -> int:
    """How many arrays and objects deep `value` goes, without recursion."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > DEEPEST:
            return deepest
        pending.extend((child, depth + 1) for child in children)
    return deepest


def text_problem(value: Any) -> str | None:
    """A sentence about the first string (key or value) the server cannot store, else None."""
    if isinstance(value, str):
        return string_problem(value)
    if isinstance(value, dict):
        for key, item in value.items():
            problem = text_problem(key) or text_problem(item)
            if problem:
                return problem
    if isinstance(value, list):
        for item in value:
            problem = text_problem(item)
            if problem:
                return problem
    return None


def string_problem(text: str) -> str | None:
    if "\x00" in text:
        return "Text in the request may not contain the NUL character (\\u0000)."
    for character in text:
        code = ord(character)
        if 0xD800 <= code <= 0xDFFF:
            return (
                "Text in the request holds a broken character (a lone UTF-16 surrogate, "
                f"\\u{code:04x}); send the text as valid Unicode."
            )
        if (code < 0x20 or 0x7F <= code < 0xA0) and character not in ALLOWED_CONTROLS:
            return f"Text in the request holds a control character (code {code}); remove it."
    return None

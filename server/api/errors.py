"""One error shape for the whole API: flask-smorest's `{code, status, message, errors}`."""

from __future__ import annotations

from typing import Any

from flask import make_response
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, MethodNotAllowed


class PainlineApi(Api):
    """flask-smorest's Api, keeping the `Allow` header on 405 answers (its handler drops it)."""

    def handle_http_exception(self, error: HTTPException) -> Any:
        response = make_response(super().handle_http_exception(error))
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
        return response

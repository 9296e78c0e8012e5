"""What every operation declares in the OpenAPI document: who may call it and how it can fail."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any, TypeVar

from flask_smorest import Api, Blueprint

CLINICIAN_SCHEME = "bearerAuth"
DEVICE_SCHEME = "deviceToken"

CLINICIAN = [{CLINICIAN_SCHEME: []}]
DEVICE = [{DEVICE_SCHEME: []}]
PUBLIC: list[dict[str, list[str]]] = []

View = TypeVar("View", bound=Callable[..., Any])


def declare_security_schemes(api: Api) -> None:
    api.spec.components.security_scheme(
        CLINICIAN_SCHEME,
        {
            "type": "http",
            "scheme": "bearer",
            "description": "A clinician's or admin's token from POST /api/v1/auth/login (12 h).",
        },
    )
    api.spec.components.security_scheme(
        DEVICE_SCHEME,
        {
            "type": "http",
            "scheme": "bearer",
            "description": "A patient device's token from POST /api/v1/enroll.",
        },
    )


def describe_pagination_header(api: Api) -> None:
    """X-Pagination carries a JSON object in a string: say so with `content`, as OpenAPI 3 allows.

    flask-smorest describes it with a bare object `schema`, which a header value never matches.
    """
    # Replace the lazily registered original, which would otherwise win on first use.
    api.spec.components.headers_lazy["PAGINATION"] = {
        "description": "Pagination metadata, a JSON object",
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/PaginationMetadata"}}
        },
    }


def operation(
    blp: Blueprint,
    *,
    security: list[dict[str, list[str]]],
    errors: Iterable[int],
    session_cookie: bool = False,
) -> Callable[[View], View]:
    """Document the security scheme and each error status (all in the one error shape).

    The declared security is also enforced before the body is read (server/api/request_checks):
    a caller who is not signed in hears 401, not the body's 422. `session_cookie` lets the
    dashboard's own session stand in for the token (the live stream, which EventSource opens
    without headers).
    """

    def decorate(view: View) -> View:
        view.painline_needs_sign_in = bool(security)  # type: ignore[attr-defined]
        view.painline_accepts_session = session_cookie  # type: ignore[attr-defined]
        view = blp.doc(security=security)(view)
        for status in errors:
            if status == HTTPStatus.TOO_MANY_REQUESTS:
                view = blp.alt_response(
                    status,
                    schema="Error",
                    description="Too many failed attempts",
                    headers={
                        "Retry-After": {
                            "description": "Seconds until the limit lifts",
                            "schema": {"type": "integer"},
                        }
                    },
                )(view)
            else:
                view = blp.alt_response(status, response=HTTPStatus(status).name)(view)
        return view

    return decorate

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


def operation(
    blp: Blueprint, *, security: list[dict[str, list[str]]], errors: Iterable[int]
) -> Callable[[View], View]:
    """Document the security scheme and each error status (all in the one error shape)."""

    def decorate(view: View) -> View:
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

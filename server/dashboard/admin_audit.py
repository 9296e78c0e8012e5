"""Admins' changes in the audit log: `@admin_audited("action")` on a view, one hook writes the row.

Like the clinicians' trail (`server.api.audit`), the row is written after the response is made,
with its final status, so refused changes are logged too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint, Response, request

from server.api.audit import access_of_request
from server.extensions import db
from server.models.base import utcnow
from server.security.actors import Admin
from server.security.current_actor import current_actor
from server.services.admin.audit_log import record_admin_action

View = TypeVar("View", bound=Callable[..., Any])
_ENVIRON_KEY = "painline.admin_audit"


def install(blp: Blueprint) -> None:
    blp.after_request(write_admin_event)


def admin_audited(action: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            request.environ[_ENVIRON_KEY] = action
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def write_admin_event(response: Response) -> Response:
    action = request.environ.get(_ENVIRON_KEY)
    actor = current_actor(session_cookie=True) if action else None
    if isinstance(actor, Admin):
        access = access_of_request(action, (), response)
        record_admin_action(db.session, actor, access, utcnow())
    return response

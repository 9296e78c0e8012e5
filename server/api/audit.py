"""The audit trail of clinicians' requests for patient data: views declare it, one hook writes it.

`@audited("action")` marks a view (place it next to the function, under the flask-smorest
decorators, so it sees what the view returns). It names the patients the request reached: the
URL's patient, plus those the view's result names through `shown=`, such as the rows of a list.
After the response is made, `write_audit_event` stores one row for a clinician caller with the
final status, so refused and failed requests are logged too. If the row cannot be written the
request fails: patient data never leaves without its audit row.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlencode

from flask import Flask, Response, request

from server.api.client import client_address
from server.extensions import db
from server.models.base import utcnow
from server.security.actors import Clinician
from server.security.current_actor import current_actor
from server.services.audit import Access, record_access

View = TypeVar("View", bound=Callable[..., Any])
Shown = Callable[[Any], Iterable[uuid.UUID]]

_ENVIRON_KEY = "painline.audit"


@dataclass
class Reached:
    action: str
    patient_ids: list[uuid.UUID] = field(default_factory=list)


def audited(action: str, shown: Shown | None = None) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            reached = Reached(action)
            if isinstance(kwargs.get("patient_id"), uuid.UUID):
                reached.patient_ids.append(kwargs["patient_id"])
            request.environ[_ENVIRON_KEY] = reached
            result = view(*args, **kwargs)
            if shown is not None:
                reached.patient_ids.extend(shown(result))
            return result

        return wrapper  # type: ignore[return-value]

    return decorate


def ids_of(patients: Iterable[Any]) -> list[uuid.UUID]:
    """`shown=` for a list of patients."""
    return [patient.id for patient in patients]


def patient_ids_of(items: Iterable[Any]) -> list[uuid.UUID]:
    """`shown=` for a list of rows that carry a `patient_id`."""
    return [item.patient_id for item in items]


def patient_id_of(item: Any) -> list[uuid.UUID]:
    """`shown=` for one row that carries a `patient_id`."""
    return [item.patient_id]


def path_without_search() -> str:
    """The path and query, the search words left out: a name or hospital number typed into a
    search is the patient's, and the log keeps neither (it keeps that a search was made)."""
    kept = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "q"])
    searched = "q=…" if "q" in request.args else ""
    query = "&".join(part for part in (kept, searched) if part)
    return request.path + ("?" + query if query else "")


def access_of_request(
    action: str, patient_ids: tuple[uuid.UUID, ...], response: Response
) -> Access:
    """The current request, as finished by `response`, for the audit log."""
    return Access(
        action=action,
        patient_ids=patient_ids,
        method=request.method,
        route=request.url_rule.rule if request.url_rule else request.path,
        path=path_without_search(),
        address=client_address(),
        status=response.status_code,
    )


def write_audit_event(response: Response) -> Response:
    reached = request.environ.get(_ENVIRON_KEY)
    if reached is None:
        return response
    actor = current_actor()
    if isinstance(actor, Clinician):
        access = access_of_request(reached.action, tuple(reached.patient_ids), response)
        record_access(db.session, actor, access, utcnow())
    return response


def register_audit(app: Flask) -> None:
    app.after_request(write_audit_event)

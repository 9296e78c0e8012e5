"""Property-based fuzzing of the whole OpenAPI spec (schemathesis, in process).

For every operation: random requests, authenticated as a clinician or a phone as the operation
declares, never get a 5xx or a response that breaks the spec; and one known-good request shows
the operation can succeed. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from tests.server.fuzz.known_good import KNOWN_GOOD, Given
from tests.server.sync.pushes import push, report_at
from tests.support.builders import World

EXAMPLES_PER_OPERATION = 25
# Valid-by-schema data may still name nobody's patient (404) or a spent code (401): the API's
# own rules, not a spec violation. Every other check of schemathesis stays on.
EXCLUDED_CHECKS = [positive_data_acceptance]


def headers_for(operation: Any, world: World) -> dict[str, str]:
    schemes = {
        name for requirement in operation.definition.raw.get("security", []) for name in requirement
    }
    if "deviceToken" in schemes:
        return world.bearer("device_a")
    if "bearerAuth" in schemes:
        return world.bearer("clinician_a")
    return {}


def fuzz(operation: Any, world: World) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def random_requests(case: Any) -> None:
        case.call_and_validate(
            headers=headers_for(operation, world), excluded_checks=EXCLUDED_CHECKS
        )

    random_requests()


def known_good(operation: Any, world: Given) -> int:
    key = (operation.method.upper(), operation.path)
    assert key in KNOWN_GOOD, (
        f"add a known-good request for {key} to tests/server/fuzz/known_good.py"
    )
    request = KNOWN_GOOD[key](world)
    parts = {"path_parameters": request.get("path"), "query": request.get("query")}
    if "body" in request:
        parts["body"] = request["body"]
    case = operation.Case(**parts)
    response = case.call_and_validate(
        headers=headers_for(operation, world), excluded_checks=EXCLUDED_CHECKS
    )
    return int(response.status_code)


# Operations that revoke the credentials the others use go last, in this order
# (a new enrollment code kills the one the enroll request spends).
REVOKING = [
    ("POST", "/api/v1/patients/{patient_id}/enrollment-code"),
    ("DELETE", "/api/v1/patients/{patient_id}/devices/{device_id}"),
    ("POST", "/api/v1/auth/logout"),
]


def operations(app: Any) -> list[Any]:
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    found = [result.ok() for result in schema.get_all_operations()]

    def revoking_last(operation: Any) -> int:
        key = (operation.method.upper(), operation.path)
        return REVOKING.index(key) + 1 if key in REVOKING else 0

    return sorted(found, key=revoking_last)


def raised_alert_id(api: Any, db_session: Any) -> str:
    """A real alert, raised by a phone's push, for the acknowledge and resolve requests."""
    from sqlalchemy import select

    from server.models import Alert

    # Made just now: an older event waiting for a worker would rightly turn /healthz to 503.
    neuro = {**report_at(hours_from_now=-0.001), "symptoms": ["limb_weakness"]}
    assert push(api, reports=[neuro]).status_code == 200
    return str(db_session.scalars(select(Alert.id)).one())


def test_every_operation_survives_fuzzing_and_can_succeed(app, api, world, db_session):
    # Live streams end at once here: each fuzzed request would otherwise hold for minutes.
    app.config["PAINLINE_STREAM_SECONDS"] = 0
    given = Given(world, raised_alert_id(api, db_session))
    statuses = {}
    for operation in operations(app):
        statuses[(operation.method.upper(), operation.path)] = known_good(operation, given)
        db_session.expire_all()
        fuzz(operation, world)

    failing = {key: status for key, status in statuses.items() if not 200 <= status < 300}
    assert failing == {}

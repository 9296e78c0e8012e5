"""Walks the access matrix: every route x caller x record owner, expecting no unauthorized success.

Also fails when the app has a route the matrix does not list, or the matrix lists a route the
app no longer has.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from tests.server.access_matrix import (
    CALLERS,
    MADE_RECORDS,
    MATRIX,
    NOT_IN_THE_MATRIX,
    OK,
    Route,
    Target,
)
from tests.support.builders import World

IGNORED_METHODS = {"HEAD", "OPTIONS"}
URL_PARAMETER = re.compile(r"<(?:[a-z]+:)?(?P<name>\w+)>")
NESTED_RECORDS = {"treatment_id": "treatment", "device_id": "device"}
# Owner "a/b": patient A's URL with patient B's nested record in it.
OWNERS = ("a", "b", "a/b")


def cases() -> list[Any]:
    params = []
    for route in MATRIX:
        owners = OWNERS if has_nested_record(route.rule) else OWNERS[:2]
        for owner in owners:
            for caller in CALLERS:
                case_id = f"{route.method} {route.rule} owner={owner} {caller}"
                params.append(pytest.param(route, owner, caller, id=case_id))
    return params


def has_nested_record(rule: str) -> bool:
    return any(name in NESTED_RECORDS for name in URL_PARAMETER.findall(rule))


def token_holder(caller: str, owner: str) -> str:
    """The world's token key for a caller seen from the owner ("own_device" of B is "device_b")."""
    mine, other = ("b", "a") if owner == "b" else ("a", "b")
    kind, _, role = caller.partition("_")
    if kind == "own":
        return f"{role}_{mine}"
    if kind == "other":
        return f"{role}_{other}"
    return caller


def expected(route: Route, owner: str, caller: str) -> int | str:
    answer = route.policy[caller]
    if owner == "a/b" and answer == OK and caller != "admin":
        return 404
    return answer


def target_of(world: World, owner: str) -> Target:
    return Target(patient=world.side(owner[0]), record=world.side(owner[-1]))


def url_for(rule: str, target: Target, api: Any = None) -> str:
    def value(match: re.Match[str]) -> str:
        name = match["name"]
        if name == "patient_id":
            return str(target.patient.patient.id)
        if name in MADE_RECORDS:
            return MADE_RECORDS[name](api, target.record)
        return str(getattr(target.record, NESTED_RECORDS[name]).id)

    return URL_PARAMETER.sub(value, rule)


def matches(status: int, expectation: int | str) -> bool:
    if expectation == OK:
        return 200 <= status < 300
    return status == expectation


def may_see_the_owner(caller: str, route: Route) -> bool:
    return route.names_the_owner or caller in ("own_device", "own_clinician")


@pytest.mark.parametrize(("route", "owner", "caller"), cases())
def test_each_caller_gets_the_answer_the_matrix_expects(api, world, route, owner, caller):
    target = target_of(world, owner)
    url = url_for(route.rule, target, api)
    body = route.body(target) if route.body else None

    response = api.call(
        route.method, url, token_holder(caller, owner), json=body, query_string=route.query
    )

    expectation = expected(route, owner, caller)
    assert matches(response.status_code, expectation), (
        f"{caller} got {response.status_code}, expected {expectation}: {response.get_data(True)}"
    )
    if not matches(response.status_code, OK):
        assert response.get_json()["code"] == response.status_code
    elif not may_see_the_owner(caller, route):
        text = response.get_data(as_text=True)
        assert str(target.patient.patient.id) not in text
        assert target.patient.patient.display_name not in text


def test_every_route_of_the_app_is_in_the_matrix(app):
    listed = {(route.method, route.rule) for route in MATRIX}
    served = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.rule not in NOT_IN_THE_MATRIX
        for method in (rule.methods or set()) - IGNORED_METHODS
    }

    assert served - listed == set(), "routes with no row in tests/server/access_matrix.py"
    assert listed - served == set(), "rows of tests/server/access_matrix.py for no route"


def test_every_row_says_what_every_caller_gets():
    for route in MATRIX:
        assert set(route.policy) == set(CALLERS), f"{route.method} {route.rule}"


def test_the_nested_record_case_uses_another_patients_record(world):
    url = url_for("/p/<uuid:patient_id>/t/<uuid:treatment_id>", target_of(world, "a/b"))

    assert url == f"/p/{world.patient_a.id}/t/{world.b.treatment.id}"
    assert uuid.UUID(url.rsplit("/", 1)[1]) != world.treatment_a.id

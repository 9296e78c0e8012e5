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
    SIGN_IN,
    Route,
    Target,
)
from tests.server.dashboard.signing_in import sign_in_with_token
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
    names = URL_PARAMETER.findall(rule)
    nested = [name for name in names if name in NESTED_RECORDS or name in MADE_RECORDS]
    return bool(nested) and ("patient_id" in names or any(n in NESTED_RECORDS for n in nested))


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


def matches(response: Any, expectation: int | str) -> bool:
    status = response.status_code
    to_login = status == 302 and response.headers["Location"].startswith("/login")
    if expectation == SIGN_IN:
        return to_login
    if expectation == OK:
        # A dashboard form answers a success with a redirect back to its page (303).
        return 200 <= status < 300 or (status == 303 and not to_login)
    return status == expectation


def call(api: Any, route: Route, url: str, holder: str, body: Any) -> Any:
    if not route.session:
        return api.call(route.method, url, holder, json=body, query_string=route.query)
    form = dict(body or {})
    staff = holder in api.world.tokens and not holder.startswith("device")
    if staff:
        form["csrf_token"] = sign_in_with_token(api.client, api.world.tokens[holder])
    elif route.method == "POST" and route.rule == "/login":
        form["csrf_token"] = sign_in_with_token(api.client, "no such token")
    return api.client.open(url, method=route.method, data=form, query_string=route.query)


def may_see_the_owner(caller: str, route: Route) -> bool:
    return route.names_the_owner or caller in ("own_device", "own_clinician")


@pytest.mark.parametrize(("route", "owner", "caller"), cases())
def test_each_caller_gets_the_answer_the_matrix_expects(api, world, route, owner, caller):
    target = target_of(world, owner)
    url = url_for(route.rule, target, api)
    body = route.body(target) if route.body else None

    response = call(api, route, url, token_holder(caller, owner), body)

    expectation = expected(route, owner, caller)
    assert matches(response, expectation), (
        f"{caller} got {response.status_code}, expected {expectation}: {response.get_data(True)}"
    )
    if not matches(response, OK):
        if not route.session:
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

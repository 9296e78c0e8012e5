"""Hostile requests get a sentence, never a 500, and change nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from server.models import PainReport, Patient
from tests.server.sync.pushes import SYNC, a_report, push

PATIENTS = "/api/v1/patients"


def count(db_session, model) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


def nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [33, 5_000, 200_000])
def test_a_body_nested_too_deep_is_refused_with_a_sentence(api, world, db_session, depth):
    raw = "[" * depth + "]" * depth
    body = '{"cursor": null, "reports": ' + raw + "}"

    response = api.post(SYNC, "device_a", data=body, content_type="application/json")

    assert response.status_code == 422
    assert "nested more than 32 levels" in response.get_json()["message"]
    assert count(db_session, PainReport) == 0


def test_an_item_nested_too_deep_is_refused_and_nothing_is_stored(api, world, db_session):
    report = {**a_report(), "note": None, "extra": nested(40)}

    response = push(api, reports=[report, a_report(2)])

    assert response.status_code == 422
    assert "nested more than 32 levels" in response.get_json()["message"]
    assert count(db_session, PainReport) == 0


def test_a_sync_body_at_the_usual_depth_is_stored(api, world, db_session):
    response = push(api, reports=[a_report(1), a_report(2)])

    assert response.status_code == 200
    assert count(db_session, PainReport) == 2


@pytest.mark.parametrize(
    "cursor",
    ["c1.\u0663\u0664", "c1.\u00b2", "c1." + "9" * 5000, "c1.99999999999999999999", "c1.-1"],
    ids=["arabic digits", "superscript two", "5000 digits", "beyond bigint", "negative"],
)
def test_a_cursor_that_is_not_a_bounded_ascii_number_is_refused(api, world, db_session, cursor):
    response = push(api, cursor=cursor, reports=[a_report()])

    assert response.status_code == 422
    assert "cursor is not one this server gave out" in response.get_json()["message"]
    assert count(db_session, PainReport) == 0


@pytest.mark.parametrize("value", ["9" * 5000, "\u0663", "\u00b2", "12 34", "-5"])
def test_a_last_event_id_that_is_not_a_bounded_ascii_number_is_refused(api, world, value):
    response = api.get("/api/v1/events", "clinician_a", headers={"Last-Event-ID": value})

    assert response.status_code == 422
    assert "Last-Event-ID must be an event id" in response.get_json()["message"]


@pytest.mark.parametrize(
    ("name", "told"),
    [
        ("Grace \ud800", "lone UTF-16 surrogate"),
        ("Grace\x1b[2J", "control character (code 27)"),
        ("Grace\x00", "NUL character"),
    ],
)
def test_a_display_name_the_database_cannot_hold_is_refused(api, world, db_session, name, told):
    before = count(db_session, Patient)
    body = json.dumps({"display_name": name, "care_team_id": str(world.team_a.id)})

    response = api.post(PATIENTS, "clinician_a", data=body, content_type="application/json")

    assert response.status_code == 422
    assert told in response.get_json()["message"]
    assert count(db_session, Patient) == before


def test_a_note_with_a_newline_and_a_tab_passes_the_body_check(api, world, db_session):
    report = a_report(note="woke at 3am\n\tlegs wobbly")

    response = push(api, reports=[report])

    assert response.status_code == 200
    assert response.get_json()["rejected"] == []


def test_a_lone_surrogate_inside_a_sync_item_is_that_items_refusal_only(api, world, db_session):
    body = json.dumps({"cursor": None, "reports": [a_report(1, note="\ud800"), a_report(2)]})

    response = api.post(SYNC, "device_a", data=body, content_type="application/json")

    assert response.status_code == 200
    (refused,) = response.get_json()["rejected"]
    assert "lone UTF-16 surrogate" in json.dumps(refused["errors"])
    assert count(db_session, PainReport) == 1


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("POST", SYNC, {"cursor": 5, "reports": "x"}),
        ("POST", PATIENTS, {"display_name": 7}),
        ("GET", PATIENTS + "?status=nonsense", None),
        ("POST", "/api/v1/alerts/00000000-0000-0000-0000-000000000000/acknowledge", {"x": 1}),
        ("POST", PATIENTS, {"display_name": "a\x00"}),
    ],
)
def test_a_caller_who_is_not_signed_in_hears_401_before_any_body_error(api, method, url, body):
    response = api.call(method, url, json=body)

    assert response.status_code == 401
    assert response.get_json()["message"].startswith("Sign in first")
    assert "errors" not in response.get_json()


def test_a_signed_in_caller_still_hears_the_body_errors(api, world):
    response = api.post(PATIENTS, "clinician_a", json={"display_name": 7})

    assert response.status_code == 422
    assert "display_name" in response.get_json()["errors"]["json"]


@pytest.mark.parametrize(
    "sites",
    [
        ["femur_left", "femur_left"],
        [7, {"site": "femur_left", "score": 3}],
        [{"site": "femur_left", "score": 3}, {"site": "femur_left", "score": 3}, "junk"],
    ],
    ids=["strings", "a number beside a site", "a repeated site and junk"],
)
def test_sites_that_are_not_site_entries_are_that_reports_refusal(api, world, db_session, sites):
    response = push(api, reports=[{**a_report(1), "sites": sites}, a_report(2)])

    assert response.status_code == 200
    (refused,) = response.get_json()["rejected"]
    assert "sites" in refused["errors"]
    assert count(db_session, PainReport) == 1

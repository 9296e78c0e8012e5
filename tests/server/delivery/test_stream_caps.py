"""Caps on open streams: a user's newest streams replace their oldest, and a full process says
when to come back (a 503 in the error shape), leaving the streams it holds untouched."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

import pytest
from flask import Flask

from server.config import ConfigError, Settings
from tests.server.delivery.builders import raise_emergency
from tests.server.delivery.live import StreamReader, open_stream, served


def with_caps(app: Flask, per_user: int = 5, per_process: int = 500) -> None:
    settings = app.config["PAINLINE"]
    app.config["PAINLINE"] = dataclasses.replace(
        settings, streams_per_user=per_user, streams_per_process=per_process
    )


@pytest.fixture
def port(app: Flask) -> Iterator[int]:
    with served(app) as port:
        yield port


def test_a_users_new_stream_replaces_their_oldest(app, port, api, world, workers):
    with_caps(app, per_user=2)
    oldest = open_stream(port, world.bearer("clinician_a"))
    kept = [open_stream(port, world.bearer("clinician_a")) for _ in range(2)]

    assert oldest.ended.wait(5), "the oldest stream stayed open"
    replaced = oldest.events
    raise_emergency(api)
    workers().run_once()

    assert [event["event"] for event in replaced] == ["stream.replaced"]
    assert "newer window or tab" in replaced[0]["message"]
    for stream in kept:
        assert [event["tier"] for event in stream.wait_for_events(1)] == ["emergency"]
        assert not stream.ended.is_set()
        stream.close()


def test_a_full_process_refuses_a_new_stream_and_keeps_the_open_ones(
    app, port, api, world, workers
):
    with_caps(app, per_process=2)
    held = [open_stream(port, world.bearer(who)) for who in ("clinician_a", "clinician_b")]

    refused = StreamReader(port, world.bearer("clinician_a"))
    body = refused.response.read()
    raise_emergency(api)
    workers().run_once()

    assert refused.status == 503
    assert refused.response.getheader("Retry-After") == "30"
    assert b'"code": 503' in body or b'"code":503' in body
    assert b"Try again in a minute" in body
    assert [event["tier"] for event in held[0].wait_for_events(1)] == ["emergency"]
    time.sleep(0.5)
    assert held[1].events == []  # team B's clinician: nothing of team A
    assert not any(stream.ended.is_set() for stream in held)
    for stream in held:
        stream.close()
    refused.close()


def test_a_finished_stream_gives_its_place_back(app, port, world):
    with_caps(app, per_user=1, per_process=1)

    statuses = []
    for who in ("clinician_a", "clinician_b", "clinician_a"):
        stream = StreamReader(port, world.bearer(who), timeout=0)
        stream.response.read()
        statuses.append(stream.status)
        stream.close()

    assert statuses == [200, 200, 200]


@pytest.mark.parametrize("value", ["0", "-1", "٣", "1" * 5000, "ten", "100001"])
def test_a_stream_cap_that_is_not_a_sane_whole_number_stops_start_up(value):
    with pytest.raises(ConfigError, match="PAINLINE_STREAMS_PER_USER must be a whole number"):
        Settings.from_env({"PAINLINE_STREAMS_PER_USER": value})


def test_stream_caps_come_from_the_environment():
    environ = {"PAINLINE_STREAMS_PER_USER": "3", "PAINLINE_STREAMS_PER_PROCESS": "40"}

    settings = Settings.from_env(environ)

    assert (settings.streams_per_user, settings.streams_per_process) == (3, 40)
    assert (Settings.from_env({}).streams_per_user, Settings.from_env({}).streams_per_process) == (
        5,
        500,
    )

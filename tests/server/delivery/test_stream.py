"""The live stream: what each clinician sees, replay after Last-Event-ID, bad ids refused."""

from __future__ import annotations

import re

import pytest

from tests.server.delivery.builders import raise_emergency, raise_urgent


def replay(api, as_: str, last_event_id: str = "0"):
    return api.get("/api/v1/events?timeout=0", as_, headers={"Last-Event-ID": last_event_id})


def event_ids(text: str) -> list[int]:
    return [int(found) for found in re.findall(r"^id: (\d+)$", text, flags=re.MULTILINE)]


def test_replay_sends_only_what_came_after_the_last_event_id(api, world, workers):
    worker = workers()
    raise_emergency(api)
    worker.run_once()
    raise_urgent(api)
    worker.run_once()

    everything = replay(api, "clinician_a").get_data(as_text=True)
    first, second = event_ids(everything)
    after_first = replay(api, "clinician_a", str(first)).get_data(as_text=True)

    assert first < second
    assert event_ids(after_first) == [second]
    assert '"tier": "urgent"' in after_first


def test_a_clinician_sees_only_their_teams_patients(api, world, workers):
    raise_emergency(api, "device_a")
    workers().run_once()

    response = replay(api, "clinician_b")

    assert response.status_code == 200
    assert event_ids(response.get_data(as_text=True)) == []
    assert str(world.patient_a.id) not in response.get_data(as_text=True)


def test_without_last_event_id_the_stream_starts_from_now(api, world, workers):
    raise_emergency(api)
    workers().run_once()

    response = api.get("/api/v1/events?timeout=0", "clinician_a")

    assert event_ids(response.get_data(as_text=True)) == []


@pytest.mark.parametrize(
    "value", ["yesterday", "٣", "²", "1" * 5000, "-1", "+5", "1 2", "0x10", "2147483648"]
)
def test_a_last_event_id_that_is_not_an_event_id_is_refused(api, world, value):
    response = replay(api, "clinician_a", value)
    after = replay(api, "clinician_a")

    assert response.status_code == 422
    assert response.get_json()["message"] == (
        "Last-Event-ID must be an event id this stream sent (a number)."
    )
    assert after.status_code == 200


def test_a_blank_last_event_id_starts_from_now(api, world, workers):
    raise_emergency(api)
    workers().run_once()

    response = replay(api, "clinician_a", "  ")

    assert response.status_code == 200
    assert event_ids(response.get_data(as_text=True)) == []


def test_phones_and_admins_cannot_open_the_stream(api, world):
    assert api.get("/api/v1/events?timeout=0", "device_a").status_code == 403
    assert api.get("/api/v1/events?timeout=0", "admin").status_code == 403
    assert api.get("/api/v1/events?timeout=0").status_code == 401


def test_the_spec_documents_an_event_stream(client):
    spec = client.get("/openapi.json").get_json()

    operation = spec["paths"]["/api/v1/events"]["get"]
    assert "text/event-stream" in operation["responses"]["200"]["content"]
    assert operation["security"] == [{"bearerAuth": []}]

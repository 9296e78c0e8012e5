"""The sync client reads each HTTP status as the protocol means it, and sends the right headers."""

from __future__ import annotations

import json

import pytest
import requests

from mobile.sync import Offline, RequestRefused, SyncClient, TokenRevoked, UpgradeRequired
from mobile.sync.client import BatchTooLarge
from mobile.version import APP_VERSION
from tests.mobile.builders import a_report, an_answer


class FakeSession:
    """Answers every POST with one status and body (or raises), and keeps the requests."""

    def __init__(self, status=200, body=None, error=None, headers=None):
        self.status, self.body, self.error, self.headers = status, body, error, headers or {}
        self.requests = []

    def post(self, url, json=None, headers=None, timeout=None):
        self.requests.append({"url": url, "json": json, "headers": headers, "timeout": timeout})
        if self.error:
            raise self.error
        response = requests.Response()
        response.status_code = self.status
        response._content = _json_bytes(self.body)
        response.headers.update(self.headers)
        return response


def _json_bytes(body):
    return body if isinstance(body, bytes) else json.dumps(body).encode()


def client(session):
    return SyncClient("https://pain.example.org/", "device-token", session=session)


def test_a_push_carries_the_token_the_app_version_and_the_cursor():
    session = FakeSession(body=an_answer())
    report = a_report()

    client(session).sync("c7", [report], [])

    (sent,) = session.requests
    assert sent["url"] == "https://pain.example.org/api/v1/sync"
    assert sent["headers"]["Authorization"] == "Bearer device-token"
    assert sent["headers"]["Painline-App-Version"] == APP_VERSION
    assert sent["json"] == {"cursor": "c7", "reports": [report], "doses": []}


def test_an_answer_is_read_with_acks_refusals_and_more():
    body = an_answer(accepted=["a"], rejected=[{"id": "b", "errors": {"x": ["y"]}}], more=True)

    response = client(FakeSession(body=body)).sync(None, [], [])

    assert response.accepted == ["a"]
    assert response.rejected == {"b": {"x": ["y"]}}
    assert response.more is True


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (401, TokenRevoked),
        (426, UpgradeRequired),
        (413, BatchTooLarge),
        (500, Offline),
        (503, Offline),
        (429, Offline),
        (422, RequestRefused),
    ],
)
def test_each_status_becomes_the_error_the_runner_acts_on(status, error):
    with pytest.raises(error):
        client(FakeSession(status=status, body={"message": "no"})).sync(None, [], [])


def test_a_timeout_or_no_network_is_offline():
    with pytest.raises(Offline):
        client(FakeSession(error=requests.Timeout())).sync(None, [], [])
    with pytest.raises(Offline):
        client(FakeSession(error=requests.ConnectionError())).sync(None, [], [])


def test_a_cut_off_answer_is_offline_so_the_batch_is_sent_again():
    with pytest.raises(Offline):
        client(FakeSession(body=b'{"cursor": "c1", "acc')).sync(None, [], [])


def test_retry_after_from_a_busy_server_is_kept():
    session = FakeSession(status=429, body={}, headers={"Retry-After": "120"})

    with pytest.raises(Offline) as busy:
        client(session).sync(None, [], [])

    assert busy.value.retry_after == 120

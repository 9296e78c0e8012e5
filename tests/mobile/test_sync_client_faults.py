"""A 5xx answer is an outage to retry that also names the status and the server's words."""

from __future__ import annotations

import pytest

from mobile.sync import Offline
from mobile.sync.errors import ServerFault
from mobile.sync.session import could_not_take
from tests.mobile.test_sync_client import FakeSession, client


def test_a_server_error_keeps_the_status_and_the_servers_message():
    session = FakeSession(status=500, body={"code": 500, "message": "could not store it"})

    with pytest.raises(ServerFault) as fault:
        client(session).sync(None, [], [])

    assert isinstance(fault.value, Offline)
    assert (fault.value.status, fault.value.says) == (500, "could not store it")
    assert could_not_take(fault.value) == (
        "The server could not take this entry (HTTP 500): could not store it"
    )


def test_a_gateway_error_without_a_message_says_only_the_status():
    with pytest.raises(ServerFault) as fault:
        client(FakeSession(status=502, body=b"<html>Bad Gateway</html>")).sync(None, [], [])

    assert fault.value.says is None
    assert could_not_take(fault.value) == "The server could not take this entry (HTTP 502)"


def test_a_rate_limit_is_an_outage_but_not_a_server_fault():
    with pytest.raises(Offline) as busy:
        client(FakeSession(status=429, body={})).sync(None, [], [])

    assert not isinstance(busy.value, ServerFault)

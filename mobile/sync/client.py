"""The HTTP side of `POST /api/v1/sync`: one request, its status read as a result or an error."""

from collections.abc import Sequence
from typing import Any

import requests

from mobile.http import TIMEOUT, endpoint, headers, retry_after, server_message
from mobile.sync.errors import (
    Offline,
    RequestRefused,
    ServerFault,
    TokenRevoked,
    UpgradeRequired,
)
from mobile.sync.response import SyncResponse, parse_response

SYNC_PATH = "/api/v1/sync"


class BatchTooLarge(RequestRefused):
    """413: the server refused the batch whole; send fewer records."""


class SyncClient:
    """Pushes one batch and pulls one page of changes for the enrolled patient."""

    def __init__(
        self,
        server: str,
        token: str,
        session: requests.Session | None = None,
        timeout: float | tuple[float, float] = TIMEOUT,
    ) -> None:
        self.url = endpoint(server, SYNC_PATH)
        self.token = token
        self.session = session or requests.Session()
        self.timeout = timeout

    def sync(
        self,
        cursor: str | None,
        reports: Sequence[dict[str, Any]],
        doses: Sequence[dict[str, Any]],
    ) -> SyncResponse:
        body = {"cursor": cursor, "reports": list(reports), "doses": list(doses)}
        try:
            response = self.session.post(
                self.url, json=body, headers=headers(self.token), timeout=self.timeout
            )
        except requests.RequestException as error:
            raise Offline(f"could not reach the server ({type(error).__name__})") from error
        return _read(response)


def _read(response: requests.Response) -> SyncResponse:
    status = response.status_code
    if status == 200:
        try:
            return parse_response(response.json())
        except ValueError as error:
            raise Offline("the server's answer was cut off; the app will try again") from error
    if status == 401:
        raise TokenRevoked(
            server_message(response, "this phone is no longer connected")
            + "; ask your care team for a new code (your entries are kept)"
        )
    if status == 426:
        raise UpgradeRequired(server_message(response, "please update the Painline app"))
    if status == 413:
        raise BatchTooLarge("too many records in one request", status)
    if status >= 500:
        raise ServerFault(
            f"the server is busy (HTTP {status})",
            status,
            server_message(response, "") or None,
            retry_after(response),
        )
    if status in (408, 429):
        raise Offline(f"the server is busy (HTTP {status})", retry_after(response))
    raise RequestRefused(
        server_message(response, f"the server refused the sync (HTTP {status})"), status
    )

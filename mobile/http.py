"""Small HTTP helpers shared by enrollment and sync: URLs, headers and the server's message."""

from typing import Any

import requests

from mobile.version import APP_VERSION

# Connect, read: long enough for a slow mobile network, short enough to retry a dead one.
TIMEOUT = (10.0, 30.0)


def endpoint(server: str, path: str) -> str:
    return server.rstrip("/") + path


def headers(token: str | None = None) -> dict[str, str]:
    values = {"Painline-App-Version": APP_VERSION, "Accept": "application/json"}
    if token is not None:
        values["Authorization"] = f"Bearer {token}"
    return values


def server_message(response: requests.Response, default: str) -> str:
    """The `message` of the API's one error shape, or `default` when there is none."""
    try:
        body: Any = response.json()
    except ValueError:
        return default
    message = body.get("message") if isinstance(body, dict) else None
    return message if isinstance(message, str) and message else default


def retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None

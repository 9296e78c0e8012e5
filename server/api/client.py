"""Facts about the calling client that views hand to services."""

from __future__ import annotations

from flask import request


def client_address() -> str:
    """The caller's IP address (behind trusted proxies, ProxyFix has put the real one here)."""
    return request.remote_addr or "unknown"

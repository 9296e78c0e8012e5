"""Which phone app versions this server still serves (`PAINLINE_MIN_APP_VERSION`)."""

from __future__ import annotations

from server.services.errors import DomainError, InvalidInput


class AppTooOld(DomainError):
    status = 426


def parse_version(text: str) -> tuple[int, ...]:
    parts = text.strip().split(".")
    if not all(part.isdigit() for part in parts):
        raise ValueError(text)
    return tuple(int(part) for part in parts)


def require_supported_app_version(header: str | None, minimum: str) -> None:
    """A request without the header is served as the current version."""
    if header is None:
        return
    try:
        version = parse_version(header)
    except ValueError:
        message = "Painline-App-Version must look like 1.4.2"
        raise InvalidInput(message, {"Painline-App-Version": [message]}) from None
    if version < parse_version(minimum):
        raise AppTooOld(
            f"This version of the app ({header}) is too old for this server; "
            f"please update the Painline app to {minimum} or later."
        )

"""What can go wrong in a service, in domain words. `server.api.errors` turns these into HTTP."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DomainError(Exception):
    """Base class; `status` is the HTTP status the API answers with."""

    status = 400

    def __init__(self, message: str, errors: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = dict(errors) if errors else None


class NotAuthenticated(DomainError):
    """No credentials, or credentials that are unknown, expired or revoked."""

    status = 401


class NotAllowed(DomainError):
    """Known caller, but this kind of caller may not use this operation at all."""

    status = 403


class NotFound(DomainError):
    """No such record, or one outside the caller's reach (the two are never told apart)."""

    status = 404


class Conflict(DomainError):
    """The request clashes with the record's current state."""

    status = 409


class InvalidInput(DomainError):
    """Well-formed input that the domain refuses; `errors` maps field names to messages."""

    status = 422


class TooManyAttempts(DomainError):
    """A rate limit is reached; `retry_after` is how many seconds until it lifts."""

    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after

"""A sync response read defensively: unknown fields are ignored, missing ones get defaults.

A newer server may add fields; an older phone must keep working (architecture.md, wire v1).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mobile.sync.errors import Offline


@dataclass(frozen=True)
class Changes:
    reports: list[dict[str, Any]] = field(default_factory=list)
    doses: list[dict[str, Any]] = field(default_factory=list)
    treatments: list[dict[str, Any]] = field(default_factory=list)
    context: dict[str, Any] | None = None
    alerts: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class SyncResponse:
    cursor: str | None
    more: bool
    accepted: list[str]
    rejected: dict[str, Any]  # id -> the server's errors for that item
    changes: Changes
    settings: dict[str, Any] | None


def _objects(value: Any) -> list[dict[str, Any]]:
    return (
        [dict(item) for item in value if isinstance(item, Mapping)]
        if isinstance(value, list)
        else []
    )


def parse_response(body: Any) -> SyncResponse:
    """Read a 200 answer; a body that is not an object means a broken proxy, so retry later."""
    if not isinstance(body, Mapping):
        raise Offline("the server sent an answer the app cannot read; it will try again")
    found = body.get("changes")
    changes: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
    context = changes.get("context")
    rejected = {
        str(item["id"]): item.get("errors")
        for item in _objects(body.get("rejected"))
        if "id" in item
    }
    cursor = body.get("cursor")
    settings = body.get("settings")
    return SyncResponse(
        cursor=None if cursor is None else str(cursor),
        more=body.get("more") is True,
        accepted=[str(item) for item in body.get("accepted") or [] if isinstance(item, str)],
        rejected=rejected,
        changes=Changes(
            reports=_objects(changes.get("reports")),
            doses=_objects(changes.get("doses")),
            treatments=_objects(changes.get("treatments")),
            context=dict(context) if isinstance(context, Mapping) else None,
            alerts=_objects(changes.get("alerts")),
        ),
        settings=dict(settings) if isinstance(settings, Mapping) else None,
    )

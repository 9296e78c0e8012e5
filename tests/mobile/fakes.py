"""A scripted stand-in for the sync endpoint, for tests of the sync logic without HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mobile.sync.response import SyncResponse, parse_response

Script = Callable[[str | None, list[dict[str, Any]], list[dict[str, Any]]], Any]


def accept_everything(cursor, reports, doses):
    return {"cursor": "c", "more": False, "accepted": [r["id"] for r in [*reports, *doses]]}


class FakeSyncServer:
    """Answers each call with `script(cursor, reports, doses)`: a dict, or an exception to raise."""

    def __init__(self, script: Script = accept_everything) -> None:
        self.script = script
        self.calls: list[dict[str, Any]] = []

    def sync(self, cursor, reports, doses) -> SyncResponse:
        self.calls.append({"cursor": cursor, "reports": list(reports), "doses": list(doses)})
        answer = self.script(cursor, list(reports), list(doses))
        if isinstance(answer, Exception):
            raise answer
        return parse_response(answer)

    def client_for(self, enrollment) -> FakeSyncServer:
        return self

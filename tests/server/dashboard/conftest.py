"""Dashboard tests: a client signed in as one of the world's clinicians."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.dashboard.signing_in import sign_in_with_token
from tests.support.builders import World


class Dashboard:
    """A browser-like client signed in as `who` ("clinician_a"...), posting forms with the token."""

    def __init__(self, client: Any, world: World, who: str = "clinician_a") -> None:
        self.client = client
        self.csrf = sign_in_with_token(client, world.tokens[who])

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, **kwargs)

    def post(self, url: str, form: dict[str, Any] | None = None, csrf: bool = True) -> Any:
        data = dict(form or {})
        if csrf:
            data["csrf_token"] = self.csrf
        return self.client.post(url, data=data)


@pytest.fixture
def dashboard(client: Any, world: World) -> Dashboard:
    return Dashboard(client, world)

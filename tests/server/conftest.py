"""Fixtures of the server tests: a populated world and a JSON client that reads like a sentence."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.support.builders import World, build_world


@pytest.fixture
def world(db_session: Session) -> World:
    return build_world(db_session)


class Api:
    """Calls the API as one of the world's actors ("clinician_a", "device_b", "anonymous"...)."""

    def __init__(self, client: FlaskClient, world: World) -> None:
        self.client = client
        self.world = world

    def call(self, method: str, url: str, as_: str = "anonymous", **kwargs: Any) -> Any:
        headers = {**self.world.bearer(as_), **kwargs.pop("headers", {})}
        return self.client.open(url, method=method, headers=headers, **kwargs)

    def get(self, url: str, as_: str = "anonymous", **kwargs: Any) -> Any:
        return self.call("GET", url, as_, **kwargs)

    def post(self, url: str, as_: str = "anonymous", **kwargs: Any) -> Any:
        return self.call("POST", url, as_, **kwargs)

    def put(self, url: str, as_: str = "anonymous", **kwargs: Any) -> Any:
        return self.call("PUT", url, as_, **kwargs)

    def patch(self, url: str, as_: str = "anonymous", **kwargs: Any) -> Any:
        return self.call("PATCH", url, as_, **kwargs)

    def delete(self, url: str, as_: str = "anonymous", **kwargs: Any) -> Any:
        return self.call("DELETE", url, as_, **kwargs)


@pytest.fixture
def api(client: FlaskClient, world: World) -> Api:
    return Api(client, world)

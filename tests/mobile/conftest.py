"""Fixtures of the phone tests: a store in a temporary folder and a clock the test sets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mobile.store import Store, account
from mobile.store.account import Enrollment
from tests.mobile.builders import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.in_directory(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def enrolled_store(store: Store) -> Store:
    with store.transaction() as connection:
        account.save_enrollment(
            connection, Enrollment("https://painline.example", "device-token", "patient-1", "Pixel")
        )
    return store

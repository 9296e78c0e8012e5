"""Backoff: waits double up to a cap, with jitter between half and all of each step."""

from __future__ import annotations

import random

from mobile.sync.backoff import Backoff


class FixedRandom(random.Random):
    def __init__(self, fraction: float) -> None:
        super().__init__()
        self.fraction = fraction

    def uniform(self, a: float, b: float) -> float:
        return a + (b - a) * self.fraction


def test_the_longest_wait_doubles_from_five_seconds_up_to_thirty_minutes():
    backoff = Backoff()

    assert [backoff.ceiling(n) for n in range(1, 6)] == [5, 10, 20, 40, 80]
    assert backoff.ceiling(10) == 30 * 60
    assert backoff.ceiling(10_000) == 30 * 60


def test_jitter_keeps_each_wait_between_half_and_all_of_its_step():
    assert Backoff(rng=FixedRandom(0.0)).delay(3) == 10
    assert Backoff(rng=FixedRandom(1.0)).delay(3) == 20


def test_jittered_waits_differ_between_phones():
    first = Backoff(rng=random.Random(1))
    second = Backoff(rng=random.Random(2))

    assert first.delay(4) != second.delay(4)


def test_the_servers_retry_after_is_a_floor_but_never_beyond_the_cap():
    backoff = Backoff(rng=FixedRandom(0.0))

    assert backoff.delay(1, retry_after=120) == 120
    assert backoff.delay(1, retry_after=10**6) == 30 * 60

"""When to try a failed delivery again: exponential backoff with jitter, for about 24 hours.

30 s, 1 min, 2 min ... capped at 1 h between attempts; each wait is drawn between half and the
whole of its step, so receivers that come back are not hit by every worker at the same second.
"""

from __future__ import annotations

import random
from datetime import timedelta

FIRST_STEP = timedelta(seconds=30)
LONGEST_STEP = timedelta(hours=1)
RETRY_WINDOW = timedelta(hours=24)


def retry_delay(attempts: int, rng: random.Random) -> timedelta:
    """The wait after the `attempts`-th failed attempt (1 for the first)."""
    step = min(LONGEST_STEP, FIRST_STEP * 2 ** min(attempts - 1, 20))
    return step / 2 + step / 2 * rng.random()

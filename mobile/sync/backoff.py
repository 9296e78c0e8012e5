"""Exponential backoff with jitter, so thousands of phones coming back online do not retry in step.

"Equal jitter": the n-th retry waits between half and all of min(cap, base * 2**(n-1)), so a
retry is never immediate and never later than the cap.
"""

import random
from dataclasses import dataclass, field

BASE_SECONDS = 5.0
CAP_SECONDS = 30 * 60.0


@dataclass
class Backoff:
    base: float = BASE_SECONDS
    cap: float = CAP_SECONDS
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self, attempt: int) -> float:
        """The longest wait before retry number `attempt` (1 for the first retry)."""
        if attempt < 1:
            raise ValueError("attempt counts from 1")
        # Capping the exponent first keeps 2**n from growing without bound after days offline.
        return float(min(self.cap, self.base * 2 ** min(attempt - 1, 32)))

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `attempt`; a server's Retry-After is a floor."""
        ceiling = self.ceiling(attempt)
        wait = ceiling / 2 + self.rng.uniform(0, ceiling / 2)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.cap))
        return wait

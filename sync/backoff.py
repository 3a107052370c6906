"""How long to wait before trying the hub again: its own module, so a screen that only schedules
retries does not load the HTTP client (httpx) with it."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass
class Backoff:
    """Waits between retries: doubling from ``base``, never more than ``cap`` (10 minutes)."""

    base: float = 2.0
    cap: float = 600.0
    jitter: float = 0.2

    def delay(self, attempt: int) -> float:
        plain = min(self.cap, self.base * (2**attempt))
        return min(self.cap, plain * (1 + random.uniform(-self.jitter, self.jitter)))

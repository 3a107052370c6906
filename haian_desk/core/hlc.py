"""Hybrid logical clock: an event order every installation agrees on.

Village PCs often have wrong clocks. The HLC never goes backwards on one
installation and moves past any timestamp it has seen from others, so the
order (hlc, origin, origin_seq) is total and stable across installations while
still close to wall time. Encoded as fixed-width text so it sorts in SQLite.

One bound protects that order from a single wrong or hostile sender: a stamp
more than ``WINDOW_DAYS`` ahead of this installation's own wall clock is not
plausible. Such records are refused on arrival (``haian_desk/replication/receive.py``),
and the clock never moves to such a stamp, even one already in the log (the
ledger starts from the latest plausible stamp), so one record cannot carry
the poison into every later one; ``haian-desk sync clock --repair`` takes
such records out of the log (``haian_desk/replication/clock_repair.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WINDOW_DAYS = 30
WINDOW_MS = WINDOW_DAYS * 24 * 3600 * 1000
_FORMAT = re.compile(r"^\d{14}\.\d{5}$")


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int

    def encode(self) -> str:
        return f"{self.wall_ms:014d}.{self.counter:05d}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        wall, _, counter = text.partition(".")
        return cls(int(wall), int(counter))


def ceiling(wall_ms: int) -> str:
    """The largest stamp this installation accepts while its wall clock reads ``wall_ms``."""
    return Stamp(wall_ms + WINDOW_MS, 99999).encode()


def plausible(stamp: str, wall_ms: int) -> bool:
    return below(stamp, ceiling(wall_ms))


def below(stamp: str, top: str) -> bool:
    """``plausible`` with the ceiling worked out once (a batch checks hundreds of stamps against one)."""
    return bool(_FORMAT.match(stamp)) and stamp <= top


class HybridClock:
    def __init__(self, last: str | None = None):
        self._last = Stamp.decode(last) if last else Stamp(0, 0)

    def tick(self, wall_ms: int) -> str:
        """A stamp for a new local event."""
        if wall_ms > self._last.wall_ms:
            self._last = Stamp(wall_ms, 0)
        else:
            self._last = Stamp(self._last.wall_ms, self._last.counter + 1)
        return self._last.encode()

    def observe(self, remote: str, wall_ms: int | None = None) -> None:
        """Remember a stamp received from another installation (never one beyond the window)."""
        if wall_ms is not None and not plausible(remote, wall_ms):
            return
        seen = Stamp.decode(remote)
        if seen > self._last:
            self._last = seen

    def observe_all(self, remote: list[str], wall_ms: int) -> None:
        """``observe`` each stamp; only the latest plausible one can move the clock."""
        top = ceiling(wall_ms)
        latest = max((stamp for stamp in remote if below(stamp, top)), default=None)
        if latest is not None:
            self.observe(latest)

    @property
    def last(self) -> str:
        return self._last.encode()

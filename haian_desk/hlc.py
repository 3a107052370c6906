"""Hybrid logical clock: an event order every installation agrees on.

Village PCs often have wrong clocks. The HLC never goes backwards on one
installation and moves past any timestamp it has seen from others, so the
order (hlc, origin, origin_seq) is total and stable across installations while
still close to wall time. Encoded as fixed-width text so it sorts in SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int

    def encode(self) -> str:
        return f"{self.wall_ms:014d}.{self.counter:05d}"

    @classmethod
    def decode(cls, text: str) -> "Stamp":
        wall, _, counter = text.partition(".")
        return cls(int(wall), int(counter))


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

    def observe(self, remote: str) -> None:
        """Remember a stamp received from another installation."""
        seen = Stamp.decode(remote)
        if seen > self._last:
            self._last = seen

    @property
    def last(self) -> str:
        return self._last.encode()

"""What keeps the hub standing on a shared village network before a request reaches a handler.

* ``RateLimiter``: a token bucket per client address, so one machine cannot
  keep the hub busy (or fill its log) with requests.
* ``UploadGate``: how many request bodies are read at once, per caller and in
  total, so memory stays bounded whoever sends.
* ``GuardedH11Protocol``: uvicorn's HTTP/1.1 protocol with a deadline for the
  request line and headers, so slow ("slow-loris") connections are closed
  instead of held open.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections import OrderedDict

from uvicorn.protocols.http.h11_impl import H11Protocol

from sync import limits

log = logging.getLogger("haian_desk.hub")


class RateLimiter:
    def __init__(
        self,
        rate: float = limits.RATE_PER_ADDRESS,
        burst: int = limits.RATE_BURST,
        addresses: int = 10_000,
        monotonic=time.monotonic,
    ):
        self.rate, self.burst, self.addresses, self.monotonic = rate, burst, addresses, monotonic
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        now = self.monotonic()
        with self._lock:
            tokens, then = self._buckets.pop(address, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[address] = (tokens - 1.0 if allowed else tokens, now)
            while len(self._buckets) > self.addresses:  # forget the longest-quiet address
                self._buckets.popitem(last=False)
            return allowed


class RateLimited:
    """ASGI middleware: every HTTP request, whatever its route, spends a token of its address's bucket."""

    def __init__(self, app, limiter: RateLimiter, refuse):
        self.app, self.limiter, self.refuse = app, limiter, refuse

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            client = scope.get("client")
            if not self.limiter.allow(client[0] if client else "?"):
                await self.refuse(scope, receive, send)
                return
        await self.app(scope, receive, send)


class UploadGate:
    """Slots for reading request bodies: at most ``per_caller`` per installation and ``total`` in all."""

    def __init__(self, per_caller: int = limits.UPLOADS_PER_CALLER, total: int = limits.UPLOADS_TOTAL):
        self.per_caller, self.total = per_caller, total
        self._busy: dict[str, int] = {}
        self._lock = threading.Lock()

    def enter(self, caller: str) -> bool:
        with self._lock:
            if sum(self._busy.values()) >= self.total or self._busy.get(caller, 0) >= self.per_caller:
                return False
            self._busy[caller] = self._busy.get(caller, 0) + 1
            return True

    def leave(self, caller: str) -> None:
        with self._lock:
            left = self._busy.get(caller, 1) - 1
            if left:
                self._busy[caller] = left
            else:
                self._busy.pop(caller, None)


class GuardedH11Protocol(H11Protocol):
    """Closes a connection that has not sent a whole request line and headers within the deadline."""

    header_timeout = limits.HEADER_TIMEOUT

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._arm()

    def _arm(self) -> None:
        self._deadline = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not None and not self.cycle.response_complete:
            self._disarm()  # the headers are in: the body has its own deadline in the app

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._deadline is None and not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _too_slow(self) -> None:
        self._deadline = None
        idle = self.cycle is None or self.cycle.response_complete
        if idle and not self.transport.is_closing():
            address = self.client[0] if self.client else None
            log.info(json.dumps({"event": "slow_headers_closed", "address": address}))
            self.transport.close()

"""A TCP proxy that behaves like a 2G link: little bandwidth, long delay, lost packets.

netem would be the real thing, but this kernel has no netem qdisc, so the link
is modelled in user space, per direction:

- data leaves in packets of at most ``mss`` bytes, each costing its bytes plus
  40 bytes of TCP/IP header at ``rate`` bits per second (serialisation: a
  packet waits for the one before it to finish);
- each packet arrives ``one_way`` seconds after it has been sent (RTT = 2 ×);
- a packet is lost with probability ``loss``; TCP then sends it again after a
  retransmission timeout (``rto``), using the link a second time, and nothing
  behind it is delivered before it (TCP delivers in order);
- a new connection spends one round trip on its handshake before any data.

ACKs are not modelled (they ride the other direction and are small), nor is
slow start (at 64 kbit/s and 300 ms the link holds about two packets, less than
TCP's initial window). Bytes are counted each way, with and without headers.
"""

from __future__ import annotations

import queue
import random
import socket
import threading
import time
from dataclasses import dataclass

HEADER_BYTES = 40


@dataclass(frozen=True)
class Link:
    rate_bps: float = 64_000
    one_way: float = 0.150
    loss: float = 0.02
    rto: float = 1.0
    mss: int = 1_400


class Direction:
    """One way through the link: its clock, its byte counts, its in-order delivery."""

    def __init__(self, link: Link, rng: random.Random, counts: dict, name: str):
        self.link, self.rng, self.counts, self.name = link, rng, counts, name
        self.free_at = 0.0
        self.delivered_at = 0.0
        self.lock = threading.Lock()

    def schedule(self, size: int, not_before: float) -> float:
        """When a packet of ``size`` bytes handed over now reaches the other end."""
        with self.lock:
            cost = (size + HEADER_BYTES) * 8 / self.link.rate_bps
            start = max(time.monotonic(), self.free_at, not_before)
            self.free_at = start + cost
            arrive = self.free_at + self.link.one_way
            self.counts[self.name] += size
            self.counts[self.name + "_wire"] += size + HEADER_BYTES
            self.counts["packets"] += 1
            if self.rng.random() < self.link.loss:
                self.counts["lost"] += 1
                self.free_at += cost  # the second copy uses the link too
                arrive += self.link.rto + cost
            self.delivered_at = max(self.delivered_at, arrive)
            return self.delivered_at


class ThrottledProxy:
    def __init__(self, target_port: int, link: Link = Link(), seed: int = 1):
        self.target = ("127.0.0.1", target_port)
        self.link = link
        self.rng = random.Random(seed)
        self.counts = {
            "up": 0,
            "down": 0,
            "up_wire": 0,
            "down_wire": 0,
            "packets": 0,
            "lost": 0,
            "connections": 0,
            "requests": 0,
        }
        self.last_way = "down"
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.closing = False
        # One link: every connection shares its capacity each way.
        self.ways = {name: Direction(link, self.rng, self.counts, name) for name in ("up", "down")}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def start(self) -> ThrottledProxy:
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self) -> None:
        self.closing = True
        self.listener.close()

    def _accept(self) -> None:
        while not self.closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.counts["connections"] += 1
            # SYN and SYN-ACK: a round trip before the first byte may go.
            ready = time.monotonic() + 2 * self.link.one_way
            self.counts["up_wire"] += 2 * HEADER_BYTES
            self.counts["down_wire"] += HEADER_BYTES
            server = socket.create_connection(self.target)
            for source, sink, name in ((client, server, "up"), (server, client, "down")):
                threading.Thread(target=self._pump, args=(source, sink, self.ways[name], ready), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, direction: Direction, ready: float) -> None:
        deliveries: queue.Queue = queue.Queue()
        threading.Thread(target=self._deliver, args=(sink, deliveries), daemon=True).start()
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                deliveries.put((time.monotonic(), None))
                return
            if direction.name == "up" and self.last_way == "down":
                self.counts["requests"] += 1  # HTTP/1.1: a request starts when the talk turns round
            self.last_way = direction.name
            for start in range(0, len(data), self.link.mss):
                packet = data[start : start + self.link.mss]
                deliveries.put((direction.schedule(len(packet), ready), packet))

    @staticmethod
    def _deliver(sink: socket.socket, deliveries: queue.Queue) -> None:
        while True:
            at, packet = deliveries.get()
            delay = at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            try:
                if packet is None:
                    sink.shutdown(socket.SHUT_WR)
                    return
                sink.sendall(packet)
            except OSError:
                return

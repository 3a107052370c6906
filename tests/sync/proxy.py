"""A small TCP proxy for tests: counts bytes each way, cuts the connection at a chosen byte.

``cut_up_at=N`` forwards exactly N bytes from client to server in total and
then drops every connection (the server has whatever arrived; the client sees
a broken connection). ``cut_down_at`` does the same for the server's replies.
``boundaries`` records where the traffic changed direction, which for HTTP/1.1
is where one request ended and its reply began (and the reverse).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading


class CuttingProxy:
    def __init__(
        self,
        target_port: int,
        cut_up_at: int | None = None,
        cut_down_at: int | None = None,
        cut_at_request: int | None = None,
        cut_at_reply: int | None = None,
    ):
        self.target = ("127.0.0.1", target_port)
        self.limits = {"up": cut_up_at, "down": cut_down_at}
        # Cut when the n-th request (or reply) starts, before any of it passes: the
        # previous message arrived whole, as if the cable went at that boundary.
        self.cut_at_start = {"up": cut_at_request, "down": cut_at_reply}
        self.starts = {"up": 0, "down": 0}
        self.sent = {"up": 0, "down": 0}
        self.boundaries: list[tuple[int, int]] = []
        self.cut = False
        self._last = None
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def start(self) -> CuttingProxy:
        self._accepting.start()
        return self

    def stop(self) -> None:
        _quietly(self.listener.shutdown, socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self.listener.close()
        self._drop_all()
        with self._lock:
            for _, server in self._pairs:
                _quietly(server.close)

    def __enter__(self) -> CuttingProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cut:
                client.close()
                continue
            server = socket.create_connection(self.target)
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(target=self._pump, args=(client, server, "up"), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, "down"), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, direction: str) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                _quietly(sink.shutdown, socket.SHUT_WR)
                return
            with self._lock:
                if self.cut:
                    return
                if self._last != direction:
                    if self._last is not None:
                        self.boundaries.append((self.sent["up"], self.sent["down"]))
                    self.starts[direction] += 1
                    if self.starts[direction] == self.cut_at_start[direction]:
                        self.cut = True
                self._last = direction
                limit = 0 if self.cut else self.limits[direction]
                allowed = len(data) if limit is None else max(0, min(len(data), limit - self.sent[direction]))
                self.sent[direction] += allowed
                cutting = limit is not None and self.sent[direction] >= limit
            if allowed:
                _quietly(sink.sendall, data[:allowed])
            if cutting:
                self.cut = True
                self._drop_all()
                return

    def _drop_all(self) -> None:
        # The client sees its connection reset; the server gets every byte already
        # forwarded and then an orderly end of stream, as when a cable is pulled
        # just after the last packet got through.
        with self._lock:
            pairs = list(self._pairs)
        for client, server in pairs:
            _quietly(client.setsockopt, socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            _quietly(client.shutdown, socket.SHUT_RDWR)  # wakes the thread blocked reading it
            _quietly(client.close)
            _quietly(server.shutdown, socket.SHUT_WR)


class BlackHole:
    """Accepts connections and reads what is sent, but never answers."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.connections: list[socket.socket] = []
        self.connected = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)
            self.connected.set()

    def close(self) -> None:
        _quietly(self.listener.shutdown, socket.SHUT_RDWR)
        self.listener.close()
        for conn in self.connections:
            _quietly(conn.shutdown, socket.SHUT_RDWR)
            _quietly(conn.close)


def _quietly(fn, *args) -> None:
    with contextlib.suppress(OSError):
        fn(*args)

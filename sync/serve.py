"""Running the hub: in the foreground (``haian-desk hub serve``) or in a background thread
(the township's desktop app, and the tests)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import uvicorn

from haian_desk.core.timeutil import now_utc
from haian_desk.desk import Desk
from sync import keys as keymod
from sync.guard import GuardedH11Protocol
from sync.hub import Hub, require_hub
from sync.limits import DEFAULT_MAX_BODY
from sync.server import Settings, create_app

GRACE_SECONDS = 30  # a batch being applied when asked to stop gets this long to finish


def make_server(
    folder: Path,
    host: str,
    port: int,
    *,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    wall: Callable[[], datetime] = now_utc,
    settings: Settings | None = None,
) -> tuple[uvicorn.Server, Desk]:
    desk = Desk.open(folder, wall=wall)
    try:
        require_hub(desk)
        hub = Hub.of(desk, keymod.load_or_create(folder))
    except Exception:
        desk.close()
        raise
    # GuardedH11Protocol closes connections that dawdle over their headers; the app bounds the body.
    config = uvicorn.Config(
        create_app(hub, max_body, settings),
        host=host,
        port=port,
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=GRACE_SECONDS,
        server_header=False,
        http=GuardedH11Protocol,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=16 * 1024,
    )
    return uvicorn.Server(config), desk


class BackgroundHub:
    """The hub on its own thread, listening on an already bound socket (port 0 picks a free one)."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 0, **options):
        server, self.desk = make_server(folder, host, port, **options)
        self._setup(server, host, port, closing=self.desk, tls=bool(options.get("tls_cert")))

    def _setup(self, server: uvicorn.Server, host: str, port: int, closing, tls: bool = False) -> None:
        self.server, self._closing, self.tls = server, closing, tls
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind((host, port))
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, name="haian-hub", daemon=True
        )

    @property
    def port(self) -> int:
        return self.socket.getsockname()[1]

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 10.0) -> BackgroundHub:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("同步服务没有启动起来")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread.is_alive():
            self.thread.join(GRACE_SECONDS + 5)
        self.socket.close()
        self._closing.close()

    def __enter__(self) -> BackgroundHub:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

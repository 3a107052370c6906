"""Serving a county, city or province hub kept in PostgreSQL (``hub serve --database``).

Several uvicorn worker processes (or several hosts) serve one database. Each worker builds its
own app in ``app_factory`` (uvicorn imports it by name in every worker process), opening its own
connection pool: nothing is shared between workers but the database, which is what keeps every
batch once. The database's address and the keys' folder reach the workers by environment, so a
password in the address never shows in the process list.

Keys stay files: every worker reads the same ``--data-dir`` (``sync.keys``). The hub notes its
public signing key in the database the first time it serves or enrols, and refuses to serve
with other keys (stations pinned the first: with other keys nothing they send would verify).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import uvicorn
from starlette.applications import Starlette

from haian_desk.core import paths
from haian_desk.core.errors import SetupError
from haian_desk.core.timeutil import now_utc
from haian_desk.replication.pg_hub import PgHub, open_hub
from haian_desk.storage.postgres import DATABASE_ENV
from sync import keys as keymod, logs
from sync.guard import GuardedH11Protocol
from sync.hub import Hub
from sync.limits import DEFAULT_MAX_BODY
from sync.serve import GRACE_SECONDS, BackgroundHub
from sync.server import Settings, create_app

KEYS_ENV = "HAIAN_DESK_HUB_KEYS"  # the keys' folder, for the worker processes
MAX_BODY_ENV = "HAIAN_DESK_HUB_MAX_BODY"
POOL_PER_WORKER = 8


def hub_keys(folder: Path) -> keymod.InstallationKeys:
    """The PostgreSQL hub's keys, from a folder of their own (made on first use)."""
    if paths.database_path(folder).exists():
        raise SetupError(
            "{folder} 是一台电脑的站点数据目录，不能当作 PostgreSQL 中心的密钥目录",
            "请给中心的密钥单独建一个文件夹（如 /srv/haian-hub/keys），用 --data-dir 指明",
            params={"folder": folder},
        )
    return keymod.load_or_create(folder)


def open_served(url: str, folder: Path, wall: Callable[[], datetime] = now_utc) -> tuple[Hub, PgHub]:
    """The hub as one worker serves it: its database checked, its keys the ones it is known by."""
    backend = PgHub(open_hub(url, POOL_PER_WORKER), wall)
    try:
        keys = hub_keys(folder)
        if backend.pin_signing_key(keys.sign_public) != keys.sign_public:
            raise SetupError(
                "{folder} 里的同步密钥不是这个中心一直使用的那一套",
                "请用中心原来的密钥目录（每个服务进程、每台服务器都要用同一套密钥）",
                params={"folder": keymod.key_folder(folder)},
            )
    except Exception:
        backend.db.close()
        raise
    return Hub(backend, keys), backend


def app_factory() -> Starlette:
    """One worker's app (``uvicorn.run("sync.pg_serve:app_factory", factory=True, workers=N)``)."""
    logs.configure(None)  # each worker process: JSON lines on stderr (see sync.logs.configure)
    hub, _ = open_served(os.environ[DATABASE_ENV], Path(os.environ[KEYS_ENV]))
    return create_app(hub, int(os.environ.get(MAX_BODY_ENV) or DEFAULT_MAX_BODY))


def _options(host: str, port: int, tls_cert: str | None, tls_key: str | None) -> dict:
    # As sync.serve.make_server: slow headers closed, the body bounded by the app, a batch in
    # progress given time to finish when asked to stop.
    return {
        "host": host,
        "port": port,
        "ssl_certfile": tls_cert,
        "ssl_keyfile": tls_key,
        "log_config": None,
        "access_log": False,
        "lifespan": "off",
        "timeout_graceful_shutdown": GRACE_SECONDS,
        "server_header": False,
        "http": GuardedH11Protocol,
        "timeout_keep_alive": 5,
        "h11_max_incomplete_event_size": 16 * 1024,
    }


def serve(
    url: str,
    folder: Path,
    host: str,
    port: int,
    *,
    workers: int = 1,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> None:
    """Run ``workers`` processes serving the hub (in the foreground, until stopped). uvicorn's
    supervisor starts a worker again when one dies."""
    os.environ[DATABASE_ENV] = url
    os.environ[KEYS_ENV] = str(folder)
    os.environ[MAX_BODY_ENV] = str(max_body)
    uvicorn.run("sync.pg_serve:app_factory", factory=True, workers=workers, **_options(host, port, tls_cert, tls_key))


class PgBackgroundHub(BackgroundHub):
    """A PostgreSQL hub on a thread of this process (tests): the same app one worker serves."""

    def __init__(
        self,
        url: str,
        folder: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        wall: Callable[[], datetime] = now_utc,
        settings: Settings | None = None,
        max_body: int = DEFAULT_MAX_BODY,
    ):
        hub, self.backend = open_served(url, folder, wall)
        config = uvicorn.Config(create_app(hub, max_body, settings), **_options(host, port, None, None))
        self._setup(uvicorn.Server(config), host, port, closing=self.backend.db)

"""A throw-away PostgreSQL server for tests and benchmarks: its own cluster in a temporary
folder, listening on 127.0.0.1 and a socket in that folder, gone when stopped.

The binaries come from the distribution's ``postgresql`` package (``make test`` installs it
where it can: tools/ensure_postgres.sh). Run as root, the server runs as the ``postgres``
user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def binaries() -> Path:
    """The folder holding initdb and pg_ctl (the newest installed version)."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1].parent
    raise Unavailable("没有找到 PostgreSQL（initdb/pg_ctl）：请安装发行版的 postgresql 软件包")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """``with Cluster() as url:`` gives ``postgresql://postgres@127.0.0.1:PORT/postgres``.

    ``Cluster(folder)`` keeps its data in ``folder`` instead (a benchmark's cached data set,
    bench/.data/): made the first time, started again as it is later, left in place when stopped.
    """

    def __init__(self, folder: Path | None = None, settings: dict[str, str] | None = None) -> None:
        self.bin = binaries()
        self._keep = folder is not None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder or Path(tempfile.mkdtemp(prefix="haian-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.settings = settings or {}
        self._as_root = hasattr(os, "geteuid") and os.geteuid() == 0

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode:
            raise Unavailable(f"{args[0]} failed: {(done.stderr or done.stdout).strip()[-600:]}")
        return done

    def start(self) -> str:
        if self._as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        if not (self.data / "PG_VERSION").exists():
            shutil.rmtree(self.data, ignore_errors=True)  # an initdb cut off before it finished
            initdb = ["initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]
            self._run(*initdb, "--no-locale", "--no-sync")
        # Durability settings are off: tests kill the hub's workers, never this server.
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        ) + "".join(f" -c {name}={value}" for name, value in self.settings.items())
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"), "-w", "start")
        return self.url

    def stop(self) -> None:
        # A kept cluster is shut down cleanly (its data is used again); a throw-away one at once.
        mode = "fast" if self._keep else "immediate"
        with contextlib.suppress(Unavailable):
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")
        if not self._keep:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> str:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


@contextlib.contextmanager
def own_database(server: str):
    """A database of its own on the run's server for as long as the block lasts: its URL."""
    from uuid import uuid4

    import psycopg

    name = f"t_{uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")

"""A PostgreSQL server for the PostgreSQL hub's benchmarks, started the way the tests start
theirs (tests/pg_cluster.py, binaries from tools/ensure_postgres.sh): a throw-away cluster,
or one whose data folder is kept under bench/.data/ and started again as it is.

Where no server can be started the benchmark says so loudly and reports no figure
(``skipped``), as the PostgreSQL tests do; it never fails the rest of ``make bench``.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.common import Report

# A hub that keeps what it acknowledged (fsync and synchronous commit on), as a real county's
# server runs; the tests' cluster turns both off because it never outlives a test run.
DURABLE = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"}


@contextlib.contextmanager
def server(folder: Path | None = None, settings: dict[str, str] | None = None) -> Iterator[str | None]:
    """The URL of a running server's ``postgres`` database, or None (after a loud line) where
    PostgreSQL is not installed or does not start."""
    from tests.pg_cluster import Cluster, Unavailable

    try:
        cluster = Cluster(folder, settings)
        url = cluster.start()
    except Unavailable as why:
        print(f"\n!!! PostgreSQL could not be started: this benchmark is SKIPPED, nothing measured: {why}\n")
        sys.stdout.flush()
        yield None
        return
    try:
        yield url
    finally:
        cluster.stop()


def skipped(report: Report, why: str = "PostgreSQL is not available on this machine") -> Report:
    report.skipped = f"SKIPPED, nothing measured: {why} (tools/ensure_postgres.sh installs it where it can)"
    return report


def database_url(server_url: str, name: str) -> str:
    return server_url.rsplit("/", 1)[0] + "/" + name


def server_version() -> str:
    from tests.pg_cluster import binaries

    try:
        done = subprocess.run([str(binaries() / "pg_ctl"), "--version"], capture_output=True, text=True, check=False)
    except Exception:  # noqa: BLE001 - only a label for the report
        return "unknown"
    return done.stdout.strip()

"""A PostgreSQL server for the PostgreSQL hub's benchmarks, started the way the tests start
theirs (tests/pg_cluster.py, binaries from tools/ensure_postgres.sh): a throw-away cluster,
or one whose data folder is kept under bench/.data/ and started again as it is.

Where no server can be started the benchmark says so loudly and reports no figure
(``skipped``), as the PostgreSQL tests do; it never fails the rest of ``make bench``.
"""

from __future__ import annotations

import collections
import contextlib
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg

from bench.common import Report

# A hub that keeps what it acknowledged (fsync and synchronous commit on), as a real county's
# server runs; the tests' cluster turns both off because it never outlives a test run.
DURABLE = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"}


_why_not: list[str] = []


@contextlib.contextmanager
def server(folder: Path | None = None, settings: dict[str, str] | None = None) -> Iterator[str | None]:
    """The URL of a running server's ``postgres`` database, or None (after a loud line) where
    PostgreSQL is not installed or does not start. A kept cluster that is already running
    (another benchmark run using it) is used as it is and left running."""
    from tests.pg_cluster import Cluster, Unavailable

    running = _already_running(folder) if folder else None
    if running:
        yield running
        return
    try:
        cluster = Cluster(folder, settings)
        url = cluster.start()
    except Unavailable as why:
        _why_not.append(str(why))
        print(f"\n!!! PostgreSQL could not be started: this benchmark is SKIPPED, nothing measured: {why}\n")
        sys.stdout.flush()
        yield None
        return
    try:
        yield url
    finally:
        cluster.stop()


def _already_running(folder: Path) -> str | None:
    """postmaster.pid's fourth line is the port of the server running on that data folder."""
    try:
        port = int((folder / "data" / "postmaster.pid").read_text().splitlines()[3])
        url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        psycopg.connect(url, connect_timeout=3).close()
    except (OSError, ValueError, IndexError, psycopg.Error):
        return None
    return url


def skipped(report: Report) -> Report:
    why = _why_not[-1] if _why_not else "PostgreSQL is not available on this machine"
    report.skipped = f"SKIPPED, nothing measured: {why} (tools/ensure_postgres.sh installs PostgreSQL where it can)"
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


class StatementTimes:
    """Wall time spent in ``Connection.execute`` by statement kind (its first words), and the
    slowest single statement with its parameters (to EXPLAIN ANALYZE it afterwards)."""

    def __init__(self) -> None:
        self.spent: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0])
        self.slowest: tuple[float, str, object] = (0.0, "", None)

    @contextlib.contextmanager
    def watching(self) -> Iterator[StatementTimes]:
        original = psycopg.Connection.execute

        def timed(conn, query, params=None, **kwargs):
            started = time.perf_counter()
            try:
                return original(conn, query, params, **kwargs)
            finally:
                seconds = time.perf_counter() - started
                kind = " ".join(str(query).split()[:4])[:60]
                self.spent[kind][0] += 1
                self.spent[kind][1] += seconds
                if seconds > self.slowest[0]:
                    self.slowest = (seconds, str(query), params)

        psycopg.Connection.execute = timed  # type: ignore[method-assign]
        try:
            yield self
        finally:
            psycopg.Connection.execute = original  # type: ignore[method-assign]

    def table(self, top: int = 10) -> str:
        lines = ["Time in conn.execute by statement kind (first words), with calls:"]
        for kind, (calls, seconds) in sorted(self.spent.items(), key=lambda kv: -kv[1][1])[:top]:
            lines.append(f"  {seconds:7.3f} s  {calls:7,}  {kind}")
        return "\n".join(lines)

    def explain_slowest(self, url: str) -> str:
        """EXPLAIN (ANALYZE, BUFFERS) of the slowest statement seen, run again on ``url``."""
        seconds, query, params = self.slowest
        if not query or not query.lstrip().upper().startswith(("SELECT", "WITH")):
            return ""
        with psycopg.connect(url) as conn:
            plan = conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query}", params).fetchall()
            conn.rollback()
        return f"Slowest statement ({seconds * 1000:.0f} ms): {' '.join(query.split())[:300]}\n" + "\n".join(
            r[0] for r in plan
        )


def timed_by_statement(work: Callable[[], object]) -> tuple[float, StatementTimes]:
    times = StatementTimes()
    with times.watching():
        started = time.perf_counter()
        work()
    return time.perf_counter() - started, times

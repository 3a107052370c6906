"""Opening the station database: WAL, foreign keys, one writer.

One connection per installation serves every thread (the UI runs database
work on one worker); a re-entrant lock makes writes one at a time.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import Iterator

import sqlite_utils


class Database:
    """A sqlite-utils database plus the write lock and transaction helper."""

    def __init__(self, path: Path | str):
        self.path = Path(path) if str(path) != ":memory:" else None
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        conn.row_factory = sqlite3.Row
        self.utils = sqlite_utils.Database(conn)
        self.conn = conn
        self.lock = threading.RLock()
        self._configure()

    def _configure(self) -> None:
        with self.utils.ensure_autocommit_on():
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA busy_timeout=30000")

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, one writer: everything inside commits or nothing does.

        The outermost write takes SQLite's write lock at once (BEGIN IMMEDIATE).
        Another process on the same file (the sync client, the hub, the
        township's app) may commit between a read and a write in here; a
        deferred transaction would then fail at once with "database is locked"
        instead of waiting its turn. Nested writes are savepoints.
        """
        with self.lock:
            if self.conn.in_transaction:
                with self.utils.atomic():
                    yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        with self.lock:
            return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.one(sql, params)
        return None if row is None else row[0]

    @property
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def close(self) -> None:
        with self.lock:
            self.conn.close()

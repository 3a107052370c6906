"""The statements the domain writes for SQLite, run on a hub's PostgreSQL database.

The rules that read and write a case (``cases/inbox.py``, ``cases/operations.py``,
``people/permissions.py``, ``people/users.py``) are written once, with sqlite3's parameter
marks (``?`` and ``:name``) in SQL both databases understand. ``PgConn`` fills in psycopg's
marks instead (``%s``, ``%(name)s``), so the same text runs here. What only one database can
say (``INSERT OR REPLACE``, the search keys) stays behind the ledger's store
(``events/ledger.py``: ``Ledger`` and ``PgLedger``).

The translation is deliberately small: the domain's statements keep literals free of ``?``
and ``:`` (a test runs every inbox statement on both databases), and ``%`` is doubled so a
``LIKE '%…'`` stays a literal.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg

from haian_desk.storage.db import Watchers
from haian_desk.storage.postgres.database import PgDatabase

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def marked(sql: str) -> str:
    """sqlite3's marks as psycopg's: ``?`` → ``%s``, ``:name`` → ``%(name)s`` (``::`` casts kept)."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%").replace("?", "%s"))


class PgConn:
    """A psycopg connection that takes sqlite3-style statements (``execute`` → a cursor whose
    rows read by name or position). ``raw`` is the connection itself, for PostgreSQL's own SQL."""

    def __init__(self, raw: psycopg.Connection, notes: set | None = None):
        self.raw = raw
        self.notes = notes  # what the open write touched (``storage.db.note``), as on SQLite

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        return self.raw.execute(marked(sql), params or ())  # always formatted: marked() doubled every %

    def executemany(self, sql: str, rows) -> None:
        self.raw.cursor().executemany(marked(sql), rows)


class PgDeskDb:
    """What a desk's ``db`` offers (``storage.db.Database``: write, read, query, one, scalar,
    watch), on a hub's PostgreSQL database.

    As on SQLite, a ``write`` or ``read`` opened inside a write on the same thread joins it (a
    nested write is a savepoint), so an operation that reads in the middle of its own write sees
    what it wrote, and the screens hear what committed through ``watch``."""

    path = None
    key = None
    dialect = "postgres"

    def __init__(self, db: PgDatabase):
        self.pg = db
        self._open = threading.local()  # this thread's write in progress, if any
        self._watchers = Watchers()

    def _current(self) -> PgConn | None:
        return getattr(self._open, "conn", None)

    @contextmanager
    def write(self) -> Iterator[PgConn]:
        outer = self._current()
        if outer is not None:
            kept = set(outer.notes or ())
            try:
                with outer.raw.transaction():  # a savepoint inside the open transaction
                    yield outer
            except BaseException:
                if outer.notes is not None:  # what the savepoint touched was rolled back
                    outer.notes.intersection_update(kept)
                raise
            return
        notes: set = set()
        with self.pg.transaction() as raw:
            conn = PgConn(raw, notes)
            self._open.conn = conn
            try:
                yield conn
            finally:
                self._open.conn = None
        self._watchers.tell(notes)

    @contextmanager
    def read(self) -> Iterator[PgConn]:
        outer = self._current()
        if outer is not None:
            yield outer
            return
        with self.pg.transaction() as conn:
            conn.execute("SET TRANSACTION READ ONLY")
            yield PgConn(conn)

    def watch(self) -> AbstractContextManager[set]:
        """A set that fills, as this thread's writes commit inside the block, with what they touched."""
        return self._watchers.watch()

    def query(self, sql: str, params: Any = ()) -> list:
        with self.read() as conn:
            return conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Any = ()):
        with self.read() as conn:
            return conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Any = ()):
        row = self.one(sql, params)
        return row[0] if row else None

    def checkpoint(self) -> int:
        """Nothing to copy back: PostgreSQL keeps its own log (the app calls this when idle)."""
        return 0

    def close(self) -> None:
        self.pg.close()

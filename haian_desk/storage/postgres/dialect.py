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
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from haian_desk.storage.postgres.database import PgDatabase

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def marked(sql: str) -> str:
    """sqlite3's marks as psycopg's: ``?`` → ``%s``, ``:name`` → ``%(name)s`` (``::`` casts kept)."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%").replace("?", "%s"))


class PgConn:
    """A psycopg connection that takes sqlite3-style statements (``execute`` → a cursor whose
    rows read by name or position). ``raw`` is the connection itself, for PostgreSQL's own SQL."""

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        return self.raw.execute(marked(sql), params or None)

    def executemany(self, sql: str, rows) -> None:
        self.raw.cursor().executemany(marked(sql), rows)


class PgDeskDb:
    """What a desk's ``db`` offers (``storage.db.Database``: write, read, query, one, scalar),
    on a hub's PostgreSQL database, each in one transaction."""

    path = None
    key = None

    def __init__(self, db: PgDatabase):
        self.pg = db

    @contextmanager
    def write(self) -> Iterator[PgConn]:
        with self.pg.transaction() as conn:
            yield PgConn(conn)

    @contextmanager
    def read(self) -> Iterator[PgConn]:
        with self.pg.transaction() as conn:
            conn.execute("SET TRANSACTION READ ONLY")
            yield PgConn(conn)

    def query(self, sql: str, params: Any = ()) -> list:
        with self.read() as conn:
            return conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Any = ()):
        with self.read() as conn:
            return conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Any = ()):
        row = self.one(sql, params)
        return row[0] if row else None

    def close(self) -> None:
        self.pg.close()

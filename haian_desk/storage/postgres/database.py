"""A PostgreSQL database for a hub: a connection pool, transactions that retry when the
server asks them to, and rows that read by name or position like sqlite3.Row.

Several hub workers (processes, or hosts) share one database. Nothing here locks in the
process: what must happen once happens once because the database's constraints and row locks
say so, which every worker sees.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)
T = TypeVar("T")

# The server rolls one of two transactions back when they collide this way; doing the work
# again is then correct (each attempt is a whole transaction).
RETRYABLE = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)
ATTEMPTS = 8


class Row(tuple):
    """A result row: ``row["name"]`` or ``row[0]``, as with sqlite3.Row."""

    _index: dict[str, int]

    def __new__(cls, values, index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: psycopg.Cursor) -> Callable[[Any], Row]:
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


class PgDatabase:
    """One hub database, shared by every worker that opens it."""

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 8):
        self.url = url
        self._pool = ConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            open=True,
            kwargs={"row_factory": _row_factory, "autocommit": False},
        )

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        with self._pool.connection() as conn, conn.transaction():
            yield conn

    def run(self, work: Callable[[psycopg.Connection], T]) -> T:
        """``work(conn)`` in one transaction, done again when the server aborts it for a
        collision with another worker's transaction."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with self.transaction() as conn:
                    return work(conn)
            except RETRYABLE as error:
                if attempt == ATTEMPTS:
                    raise
                log.info("transaction collided (%s); attempt %s", type(error).__name__, attempt + 1)
                time.sleep(0.005 * attempt)
        raise AssertionError("unreachable")

    def query(self, sql: str, params: tuple | dict = ()) -> list[Row]:
        with self.transaction() as conn:
            return cast(list[Row], conn.execute(sql, params).fetchall())  # rows made by _row_factory

    def one(self, sql: str, params: tuple | dict = ()) -> Row | None:
        with self.transaction() as conn:
            return cast(Row | None, conn.execute(sql, params).fetchone())  # made by _row_factory

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.one(sql, params)
        return row[0] if row else None

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> PgDatabase:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

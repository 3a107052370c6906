"""Reads that run on both databases a hub can keep (SQLite file, PostgreSQL server).

A report's statements are written once, in the SQL both understand (no ``INSERT OR``, no
``strftime``/``json_extract``), with their parameters marked ``{name}``. ``Rows`` runs such a
statement on one connection, in one consistent snapshot for a whole report; each database
fills in its own driver's parameter marks (``:name`` for sqlite3, ``%(name)s`` for psycopg).
The values always travel as parameters, never in the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from haian_desk.storage.db import Database
    from haian_desk.storage.postgres.database import PgDatabase

Params = Mapping[str, Any]
# Rows read by name (row["id"]) or position, iterated once; SQLite hands them over as they are
# read (a county's moments join would not fit in memory as one list).
Rows = Callable[[str, Params], Iterable[Any]]


def _marked(statement: str, params: Params, mark: str) -> str:
    return statement.format(**{name: mark.format(name) for name in params})


@contextmanager
def sqlite_rows(db: Database) -> Iterator[Rows]:
    """Statements on the SQLite connection, under its lock (no write lands between them)."""
    with db.read() as conn:
        yield lambda statement, params: conn.execute(_marked(statement, params, ":{}"), dict(params))


@contextmanager
def pg_rows(db: PgDatabase) -> Iterator[Rows]:
    """Statements in one read-only, repeatable-read transaction: one snapshot of a hub that
    other workers keep writing to."""
    with db.transaction() as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield lambda statement, params: conn.execute(_marked(statement, params, "%({})s"), dict(params)).fetchall()


def desk_rows(desk) -> AbstractContextManager[Rows]:
    """``Rows`` on whichever database a desk keeps: a hub's PostgreSQL server (``HubDesk.pg``)
    or the installation's SQLite file, so a screen's report is the CLI's, read the same way."""
    pg = getattr(desk, "pg", None)
    return pg_rows(pg) if pg is not None else sqlite_rows(desk.db)


# "The text holds the parameter", for a statement run through a desk's ``db`` on either database
# (sqlite3's instr, PostgreSQL's strpos: neither has the other's).
_CONTAINS = {"sqlite": "instr({0}, ?) > 0", "postgres": "strpos({0}, ?) > 0"}


def contains(db, column: str) -> str:
    return _CONTAINS[db.dialect].format(column)

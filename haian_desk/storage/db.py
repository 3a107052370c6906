"""Opening the station database: encrypted, WAL, foreign keys, one writer.

A ``Database`` owns one connection, and every use of it goes through five
doors that take its re-entrant lock: ``query``/``one``/``scalar`` for a
single statement, ``read()`` for several reads in a row, and ``write()`` for
one transaction. The raw connection is private. One owner per ``Database``:
the app's database worker for the session's desk, the background sync thread
for a desk of its own, the hub server for its own (several connections on
one file are what WAL is for).

The rule for helpers (one rule, everywhere): a helper that takes ``conn``
runs inside its caller's ``read()`` or ``write()`` (the ledger, projections
and the steps of an operation work this way, so they see the transaction's
own rows); a helper that takes a ``Database`` (or a ``Desk``) opens its own
reads through the doors above and may be called from anywhere, on the
worker inside a write too (same thread, same connection, re-entrant lock).
No helper accepts either.

Every write transaction carries what it touched (``note``): the ledger notes
each stream it writes, sync bookkeeping notes itself, and ``watch()`` hands
the notes of the transactions that committed to whoever asked (the UI's
``Session.run`` announces exactly those to the screens).

The file is encrypted with SQLCipher (through ``sqlcipher3``) under the
station key (see ``storage/keys.py``). A database opened without a key is a
plain SQLite file: only ``:memory:`` databases and tests that build old plain
stations do that. Every commit is synced to disk (``synchronous=FULL``): a
receipt may print as soon as its intake commits, and a power cut must not take
back a case number the villager already holds on paper.

Transactions and savepoints are a few lines here (``autocommit``, ``_savepoint``)
rather than sqlite-utils', whose import (click, pluggy, dateutil: ~0.4 s on a
station PC) would delay the login window; ``Database.utils`` still gives a
sqlite-utils view of the connection to code that wants one. The error classes
of both bindings are gathered below so ``except`` clauses catch either.

SQLite's automatic WAL checkpoint is off on this connection: it copies the log
into the database and syncs it inside whichever commit crosses 1,000 pages,
i.e. in some clerk's intake. ``checkpoint()`` does it instead, from the
database worker when it is idle (ui/worker.py), and on close.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

# What execute() accepts: positional values (a tuple or a list) or named ones.
Params = Sequence[Any] | Mapping[str, Any]

# The errors of both bindings: plain sqlite3 still reads old files and test fixtures.
Error = (sqlite3.Error, sqlcipher3.Error)
DatabaseError = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
OperationalError = (sqlite3.OperationalError, sqlcipher3.OperationalError)
IntegrityError = (sqlite3.IntegrityError, sqlcipher3.IntegrityError)
Row = sqlcipher3.Row
PLAIN_HEADER = b"SQLite format 3\x00"
# How every station connection writes. FULL syncs the WAL at each commit, so a
# receipt printed after a commit names a case that survives a power cut
# (tests/haian_desk/test_power_cut.py replays this with writes dropped at the cut).
JOURNAL_MODE = "PRAGMA journal_mode=WAL"
DURABILITY = "PRAGMA synchronous=FULL"
CACHE_KIB = -32768  # negative: KiB, as SQLite reads it
# No automatic checkpoint in a commit; Database.checkpoint() runs at idle moments instead.
NO_AUTO_CHECKPOINT = "PRAGMA wal_autocheckpoint = 0"
# After this many commits with no checkpoint (a process that never idles: the hub, a long
# command) the next commit checkpoints, as SQLite itself would have done.
OVERDUE_COMMITS = 1000
_savepoints = itertools.count()


def connect(
    path: Path | str,
    key: bytes | None,
    *,
    read_only: bool = False,
    timeout: float = 30,
    check_same_thread: bool = True,
    factory=sqlcipher3.Connection,
) -> sqlcipher3.Connection:
    """A connection to ``path`` keyed with ``key`` (None: a plain file), checked readable.

    A wrong key and a damaged first page both read as "file is not a database".
    """
    target = str(path)
    if read_only and target != ":memory:":
        target = f"file:{Path(path).resolve().as_posix()}?mode=ro"
    conn = sqlcipher3.connect(
        target, uri=read_only, timeout=timeout, check_same_thread=check_same_thread, factory=factory
    )
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def apply_key(conn, key: bytes | None) -> None:
    conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher's own stderr lines would confuse clerks
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


DAMAGE_WORDS = (
    "malformed",
    "not a database",
    "disk i/o",
    "could not decode",
    "unsupported file format",
    "corrupt",
    "vtable constructor failed",
)  # the last two: a damaged full-text index


def is_damage(error: BaseException) -> bool:
    """Does this SQLite error mean the file itself is damaged (not a bug, a lock or a full disk)?"""
    text = str(error).lower()
    return isinstance(error, (*DatabaseError, UnicodeDecodeError)) and any(w in text for w in DAMAGE_WORDS)


def cannot_write(path: Path | None, error: BaseException):
    """A full disk or a read-only folder as a clear refusal (None for any other error).

    Nothing is lost: the transaction that hit it was rolled back whole.
    """
    from haian_desk.core.errors import HaianError

    text = str(error).lower()
    where = path.parent if path is not None else "数据目录"
    if "disk is full" in text or "database or disk is full" in text:
        return HaianError(
            "磁盘已满，这一笔没有保存（{where}）",
            "请删除不用的文件或清理磁盘后再试；之前保存的数据都在",
            params={"where": where},
        )
    if "readonly" in text or "read-only" in text:
        return HaianError(
            "数据目录不能写入，这一笔没有保存（{where}）",
            "请检查文件夹权限或U盘写保护；之前保存的数据都在",
            params={"where": where},
        )
    return None


def damage_text(error: BaseException) -> str:
    """The error's words without the damaged value it quotes (which may be part of a villager's name)."""
    return str(error).split(" with text ")[0]


@contextlib.contextmanager
def autocommit(conn) -> Iterator[None]:
    """Statements that cannot run inside a transaction (journal_mode, VACUUM) run here."""
    before = conn.isolation_level
    conn.isolation_level = None
    try:
        yield
    finally:
        conn.isolation_level = before


def is_plain_file(path: Path) -> bool:
    """A plain (unencrypted) SQLite file: a station from before encryption."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


class _Connection(sqlcipher3.Connection):
    """A connection that carries what its open write transaction touched (see ``note``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notes: set | None = None  # a set only while a write() is open


def note(conn, *touched) -> None:
    """Record that the write open on ``conn`` touched ``touched`` (e.g. ("case", id), or "sync").

    Only what commits is reported (``Database.watch``); outside a write, or on
    a connection not opened by ``Database``, this does nothing.
    """
    notes = getattr(conn, "notes", None)
    if notes is not None:
        notes.update(touched)


class Watchers:
    """Who on each thread waits to hear what that thread's committed writes touched (``watch``):
    the screens' change announcements, for a desk on either database."""

    def __init__(self) -> None:
        self._local = threading.local()

    @contextlib.contextmanager
    def watch(self) -> Iterator[set]:
        seen: set = set()
        stack = self._stack()
        stack.append(seen)
        try:
            yield seen
        finally:
            stack.remove(seen)

    def tell(self, notes) -> None:
        for seen in self._stack():
            seen.update(notes)

    def _stack(self) -> list:
        if not hasattr(self._local, "stack"):
            self._local.stack = []
        return self._local.stack


class Database:
    """A sqlite-utils database plus the lock, the doors to the connection, and the change notes."""

    dialect = "sqlite"  # a hub's PostgreSQL desk says "postgres" (storage/postgres/dialect.py)

    def __init__(self, path: Path | str, key: bytes | None = None):
        self.path = Path(path) if str(path) != ":memory:" else None
        self.key = key  # kept for encrypted backups of this database
        conn = connect(path, key, check_same_thread=False, factory=_Connection)
        conn.row_factory = sqlcipher3.Row
        self._conn = conn
        self._lock = threading.RLock()
        self._watchers = Watchers()
        self.commits_since_checkpoint = 0
        self._configure()

    @property
    def utils(self):
        """A sqlite-utils view of this connection, for code that wants its helpers (imported on use)."""
        import sqlite_utils

        return sqlite_utils.Database(self._conn)

    def _configure(self) -> None:
        with autocommit(self._conn):
            self._conn.execute(JOURNAL_MODE)
        self._conn.execute(NO_AUTO_CHECKPOINT)  # see the module docstring
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute(DURABILITY)  # see the module docstring
        # Every page read from disk is decrypted and its HMAC checked: keep 32 MB of decrypted
        # pages (the default is 2 MB) so searches and the queue do not pay that again and again.
        self._conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")
        self._conn.execute("PRAGMA busy_timeout=30000")

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlcipher3.Connection]:
        """The connection, for several reads in a row (or a PRAGMA), under the lock.

        Like the single-statement doors, it opens no transaction of its own:
        inside a ``write()`` it sees that write's rows.
        """
        with self._lock:
            yield self._conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlcipher3.Connection]:
        """One transaction, one writer: everything inside commits or nothing does.

        The outermost write takes SQLite's write lock at once (BEGIN IMMEDIATE).
        Another process on the same file (the sync client, the hub, the
        township's app) may commit between a read and a write in here; a
        deferred transaction would then fail at once with "database is locked"
        instead of waiting its turn. Nested writes are savepoints.
        """
        with self._lock:
            if self._conn.in_transaction:
                yield from self._savepoint()
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.notes = set()
                try:
                    yield self._conn
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                try:
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                self._tell_watchers(self._conn.notes)
                self._count_commit()
            except OperationalError as error:
                raise (cannot_write(self.path, error) or error) from None
            finally:
                self._conn.notes = None

    def _savepoint(self) -> Iterator[sqlcipher3.Connection]:
        notes = self._conn.notes
        kept = set(notes) if notes is not None else None
        try:
            with self._nested():
                yield self._conn
        except BaseException:
            if notes is not None and kept is not None:  # what the savepoint touched was rolled back
                notes.intersection_update(kept)
            raise

    @contextlib.contextmanager
    def _nested(self) -> Iterator[None]:
        """A savepoint: undone alone if it fails, kept by the outer transaction if not."""
        name = f"nested_{next(_savepoints)}"
        self._conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # SQLite may already have rolled the whole transaction back (a full disk, an I/O
            # error): then the savepoint is gone and the error that did it is the one to report.
            if self._conn.in_transaction:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            raise
        self._conn.execute(f"RELEASE {name}")

    def _count_commit(self) -> None:
        self.commits_since_checkpoint += 1
        if self.commits_since_checkpoint >= OVERDUE_COMMITS:
            self.checkpoint()

    def checkpoint(self) -> int:
        """Copy the write-ahead log into the database (PASSIVE: never waits on a reader).

        Called when nobody is waiting (the worker's idle moments, close); returns
        the pages still in the log. A log left far behind by a process that never
        idles is caught up after a commit (``OVERDUE_COMMITS``).
        """
        if self.path is None:
            return 0
        with self._lock:
            if self._conn.in_transaction:
                return -1
            row = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.commits_since_checkpoint = 0
        return int(row[1]) - int(row[2]) if row and row[1] >= 0 else 0

    def watch(self) -> contextlib.AbstractContextManager[set]:
        """A set that fills, as this thread's writes commit inside the block, with what they touched."""
        return self._watchers.watch()

    def _tell_watchers(self, notes: set | None) -> None:
        self._watchers.tell(notes or ())

    def query(self, sql: str, params: Params = ()) -> list[sqlcipher3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> sqlcipher3.Row | None:
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    @property
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(*Error):
                self.checkpoint()
            self._conn.close()

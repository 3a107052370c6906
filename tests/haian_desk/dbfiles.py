"""Opening the files a test made, encrypted or not: station databases, replaced copies, backups.

A station database is opened with the key of the nearest data folder above
it; a backup with the test passphrase (the backup carries its salt).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from haian_desk.storage import db as dbmod, keys, recovery, sealed


def key_for(path: Path) -> bytes | None:
    for folder in Path(path).resolve().parents:
        if keys.key_path(folder).exists():
            return keys.unlock(folder)
    return None


@contextlib.contextmanager
def opened(path):
    """A connection to the database in ``path`` (a station file or a backup), closed afterwards."""
    path = Path(path)
    if sealed.is_sealed(path):
        openers = recovery.Openers(key_for(path), os.environ.get(keys.PASSPHRASE_ENV))
        with recovery.open_backup(path, openers) as (conn, _):
            yield conn
        return
    conn = dbmod.connect(path, None if dbmod.is_plain_file(path) else key_for(path))
    try:
        yield conn
    finally:
        conn.close()


def scalar(path, sql: str, params=()):
    with opened(path) as conn:
        return conn.execute(sql, params).fetchone()[0]


def execute(path, *statements: str) -> None:
    """Change a station database file (not a backup) directly, as a test that builds a bad file does."""
    with opened(path) as conn:
        for sql in statements:
            conn.execute(sql)
        conn.commit()


def smash_page(path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage, as a failing disk would."""
    with opened(path) as conn:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes([0x5A]) * page_size)

"""Copies of the database made with SQLite's online backup API.

The backup API copies a consistent snapshot while the station keeps working;
copying the file would miss what is still in the WAL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from haian_desk.storage.db import Database
from haian_desk.timeutil import now_utc


def backup_to(db: Database, target: Path, unique: bool = False) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if unique:
        stamp = now_utc().strftime("%Y%m%d-%H%M%S")
        target = target.with_name(f"{target.stem}-{stamp}{target.suffix}")
        n = 1
        while target.exists():
            target = target.with_name(f"{target.stem}-{n}{target.suffix}")
            n += 1
    partial = target.with_suffix(target.suffix + ".partial")
    out = sqlite3.connect(str(partial))
    try:
        with db.lock:
            db.conn.backup(out)
    finally:
        out.close()
    partial.replace(target)  # a backup cut off half way never looks complete
    return target

"""Copies of the database made with SQLite's online backup API.

This module is the one place that copies a database. The backup API copies a
consistent snapshot while the station keeps working; copying the file would
miss what is still in the WAL and could catch a write half way.

Every copy is written to ``NAME.partial`` first and renamed when complete, so a
copy cut off half way (a full disk, a pulled USB stick) never looks like a
backup. Copies are left in rollback-journal mode: one self-contained file that
can be opened read-only from a stick. Automatic daily copies live in the data
folder's ``backups/`` and only the newest N are kept (N is a station setting).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from haian_desk import paths, users
from haian_desk.errors import HaianError, ValidationError
from haian_desk.storage.db import Database
from haian_desk.timeutil import local, now_utc

log = logging.getLogger(__name__)

SUFFIX = ".sqlite3"
DAILY_PREFIX = "daily-"
MANUAL_PREFIX = "manual-"
DAMAGED_COPY = "damaged-latest.sqlite3"  # hourly retries overwrite it instead of filling the disk
STAMP_FORMAT = "%Y%m%d-%H%M%S"  # Beijing time: the date a clerk would call "yesterday's"
KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 14
KEEP_RANGE = (1, 365)


def backup_to(db: Database, target: Path, unique: bool = False) -> Path:
    """Copy the open database to ``target`` while it stays in use."""
    if unique:
        target = _unused_name(target, now_utc())
    with db.lock:  # the app's own writes wait for the copy; other processes' writes are SQLite's to order
        return _write_copy(db.conn, target)


def copy_file(source: Path, target: Path) -> Path:
    """Copy a database file that is not open here (a backup being restored)."""
    conn = sqlite3.connect(f"file:{source.resolve().as_posix()}?mode=ro", uri=True)
    try:
        return _write_copy(conn, target)
    finally:
        conn.close()


def _write_copy(source: sqlite3.Connection, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    out = sqlite3.connect(str(partial))
    try:
        source.backup(out)  # all pages in one step: one snapshot, never a torn copy
        out.execute("PRAGMA journal_mode=DELETE")  # one file, readable without -wal/-shm
    finally:
        out.close()
    _flush_to_disk(partial)
    partial.replace(target)
    return target


def _flush_to_disk(path: Path) -> None:
    # A USB stick pulled right after "备份完成" must still hold the whole file.
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _unused_name(target: Path, moment: datetime) -> Path:
    stamp = local(moment).strftime(STAMP_FORMAT)
    candidate = target.with_name(f"{target.stem}-{stamp}{target.suffix}")
    n = 1
    while candidate.exists():
        candidate = target.with_name(f"{target.stem}-{stamp}-{n}{target.suffix}")
        n += 1
    return candidate


def suggested_name(unit_code: str, moment: datetime) -> str:
    """A file name for a backup taken to a stick: whose data, and when."""
    return f"海安代理工作台备份-{unit_code}-{local(moment).strftime(STAMP_FORMAT)}{SUFFIX}"


# --- automatic daily backups -------------------------------------------------

def keep_count(db: Database) -> int:
    """How many daily backups the station keeps (settings table, default 14)."""
    stored = db.scalar("SELECT value FROM settings WHERE key = ?", (KEEP_SETTING,))
    try:
        value = json.loads(stored) if stored is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP
    return value if isinstance(value, int) and KEEP_RANGE[0] <= value <= KEEP_RANGE[1] else DEFAULT_KEEP


def set_keep_count(desk, actor: str, count: int) -> int:
    """Change how many daily backups are kept (admins only)."""
    users.require_role(desk, actor, "admin", "修改备份保留份数")
    low, high = KEEP_RANGE
    if isinstance(count, bool) or not isinstance(count, int) or not low <= count <= high:
        raise ValidationError(f"备份保留份数应在{low}到{high}之间", field=KEEP_SETTING)
    from haian_desk import station_settings  # it records the change as an event (audit trail)

    with desk.db.write() as conn:
        station_settings.write(desk, conn, actor, {KEEP_SETTING: count})
    return count


def daily_backups(folder: Path) -> list[Path]:
    """The automatic backups in the data folder, newest first (their names carry the time)."""
    found = paths.backups_dir(folder).glob(f"{DAILY_PREFIX}*{SUFFIX}")
    return sorted(found, key=lambda p: p.name, reverse=True)


def daily_due(folder: Path, now: datetime) -> bool:
    """True unless a daily backup was already taken on today's date (Beijing time).

    Asking "is there one from today" rather than "is the newest from today"
    keeps a PC whose clock jumped forward once from never backing up again.
    """
    today = DAILY_PREFIX + local(now).strftime("%Y%m%d")
    return not any(p.name.startswith(today) for p in daily_backups(folder))


def run_daily(db: Database, folder: Path, now: datetime | None = None) -> Path | None:
    """Take today's backup if it has not been taken yet; prune to the newest N."""
    now = now or now_utc()
    if not daily_due(folder, now):
        return None
    name = f"{DAILY_PREFIX}{local(now).strftime(STAMP_FORMAT)}{SUFFIX}"
    made = backup_to(db, paths.backups_dir(folder) / name)
    _refuse_damaged_copy(made)
    removed = prune(folder, keep_count(db))
    log.info("daily backup written to %s (%d old ones removed)", made, len(removed))
    return made


def _refuse_damaged_copy(made: Path) -> None:
    """A damaged database must not push the good backups out of the kept N.

    The copy is checked rather than the live file: same pages, and the check
    keeps no lock on the station's database while it reads.
    """
    conn = sqlite3.connect(f"file:{made.resolve().as_posix()}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    finally:
        conn.close()
    if problems != ["ok"]:
        made.replace(made.with_name(DAMAGED_COPY))  # the latest one kept for whoever can rescue it
        log.error("today's backup %s failed its check: %s", made, problems)
        raise HaianError(f"今天的自动备份没有做成：数据库文件已损坏（{problems[0]}）",
                         "请关闭程序再打开，按提示用最新的完好备份恢复")


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete the daily backups beyond the newest ``keep``; returns what was removed."""
    old = daily_backups(folder)[max(keep, 1):]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def manual_backup(db: Database, folder: Path, now: datetime | None = None) -> Path:
    """A backup kept in the data folder on request (never pruned)."""
    name = f"{MANUAL_PREFIX}{local(now or now_utc()).strftime(STAMP_FORMAT)}{SUFFIX}"
    return backup_to(db, paths.backups_dir(folder) / name)

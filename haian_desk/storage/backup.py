"""Copies of the database, encrypted so that only the station and its township can open them.

This module is the one place that copies a database. A copy is a snapshot
exported (``sqlcipher_export``) inside one read transaction while the station
keeps working; copying the file would miss what is still in the WAL and could
catch a write half way. The copy is keyed with a fresh random content key and
wrapped into a backup file (see ``storage/sealed.py``) whose key slots the
station key and the township hub's pinned public key open; a lost USB stick
shows nothing.

Every copy is written to ``NAME.partial`` first and renamed when complete, so a
copy cut off half way (a full disk, a pulled USB stick) never looks like a
backup. Automatic daily copies live in the data folder's ``backups/`` and only
the newest N are kept (N is a station setting).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.core import paths
from haian_desk.core.errors import HaianError, ValidationError
from haian_desk.core.timeutil import local, now_utc, to_iso
from haian_desk.people import users
from haian_desk.storage import db as dbmod, keys, sealed
from haian_desk.storage.db import Database
from haian_desk.storage.wipe import wipe

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)

SUFFIX = ".hdbackup"
LEGACY_SUFFIX = ".sqlite3"  # plain copies made before encryption; read, never written
DAILY_PREFIX = "daily-"
MANUAL_PREFIX = "manual-"
DAMAGED_COPY = "damaged-latest.sqlite3"  # the station file as found (still encrypted); retries overwrite it
STAMP_FORMAT = "%Y%m%d-%H%M%S"  # Beijing time: the date a clerk would call "yesterday's"
KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 14
KEEP_RANGE = (1, 365)
IDENTITY_KEYS = ("installation_id", "unit_code", "unit_name")


@dataclass(frozen=True)
class Owner:
    """Who may open a backup: the station key (and what derives it) and the township's key."""

    station_key: bytes
    keyfile: keys.KeyFile | None
    township_box: str | None


def owner_of(db: Database, folder: Path | None = None, station_key: bytes | None = None) -> Owner:
    """The keys a backup of ``db`` is sealed for (the data folder's key file, the enrolled hub)."""
    if folder is None:
        if db.path is None:
            raise ValueError("an in-memory database has no folder to back up from")
        folder = db.path.parent
    key = station_key or db.key
    if key is None:
        raise HaianError("数据库没有加密钥匙，不能做加密备份", "请重新打开程序，输入本站口令")
    with db.read() as conn:
        return Owner(key, keys.read_key_file(folder), _township_box(conn))


def _township_box(conn) -> str | None:
    try:
        row = conn.execute(
            "SELECT box_key FROM sync_peers WHERE relation = 'parent' AND status = 'enrolled' "
            "ORDER BY enrolled_at DESC LIMIT 1"
        ).fetchone()
    except dbmod.OperationalError:  # an old schema without sync tables
        return None
    return row[0] if row else None


def backup_to(db: Database, target: Path, unique: bool = False, owner: Owner | None = None) -> Path:
    """Copy the open database to ``target`` while it stays in use."""
    if unique:
        target = _unused_name(target, now_utc())
    owner = owner or owner_of(db)
    with db.read() as conn:  # the app's own writes wait for the copy; other processes' writes are SQLite's to order
        return _write_copy(conn, target, owner, scratch=db.path.parent if db.path else None)


def _write_copy(source, target: Path, owner: Owner, scratch: Path | None = None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    content_key = os.urandom(keys.KEY_BYTES)
    fd, payload_name = tempfile.mkstemp(prefix="backup-", suffix=".partial", dir=scratch)
    os.close(fd)
    payload = Path(payload_name)
    try:
        payload.unlink()
        core = export(source, payload, content_key)
        if owner.keyfile is not None:
            core["kdf"] = owner.keyfile.to_json()
        sealed.write(payload, partial, core, content_key, owner.station_key, owner.township_box)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        payload.unlink(missing_ok=True)
    partial.replace(target)
    return target


def export(source, target: Path, key: bytes | None) -> dict:
    """A consistent copy of ``source`` into a new file keyed with ``key``; returns its description.

    One read transaction holds the snapshot while the copy runs. The copy is a
    single file in rollback-journal mode, flushed to disk before this returns.
    """
    key_sql = f"\"x'{key.hex()}'\"" if key is not None else "''"
    source.execute(f"ATTACH DATABASE ? AS copy KEY {key_sql}", (str(target),))
    try:
        source.execute("BEGIN")
        try:
            version = source.execute("PRAGMA main.user_version").fetchone()[0]
            source.execute("SELECT sqlcipher_export('copy')").fetchone()
            source.execute(f"PRAGMA copy.user_version = {int(version)}")
            core = _describe(source, version)
        finally:
            source.execute("COMMIT")
    finally:
        source.execute("DETACH DATABASE copy")
    _flush_to_disk(target)
    return core


def _describe(conn, version: int) -> dict:
    meta = {}
    with contextlib.suppress(*dbmod.OperationalError):
        meta = dict(conn.execute("SELECT key, value FROM main.meta WHERE key IN (?, ?, ?)", IDENTITY_KEYS).fetchall())
    return {**{k: meta.get(k, "") for k in IDENTITY_KEYS}, "schema": version, "made_at": to_iso(now_utc())}


@contextlib.contextmanager
def opened(
    path: Path, *, station_key: bytes | None = None, township_box=None, scratch: Path | None = None
) -> Iterator[tuple[sqlite3.Connection, sealed.SealedFile | None]]:
    """A read-only connection to the database inside a backup file (a plain legacy copy too).

    Typed as sqlite3's connection: sqlcipher3's, used for an encrypted one, has the same API."""
    if not sealed.is_sealed(path):  # a plain copy from before encryption: read from a scratch copy
        with _scratch_copy(path, scratch) as copy:
            conn = dbmod.connect(copy, None)
            try:
                yield conn, None
            finally:
                conn.close()
        return
    found = sealed.read(path)
    content_key = sealed.content_key(found, station_key=station_key, township_box=township_box)
    with sealed.payload_copy(found, scratch) as payload:
        conn = dbmod.connect(payload, content_key)
        try:
            yield conn, found
        finally:
            conn.close()


@contextlib.contextmanager
def _scratch_copy(path: Path, scratch: Path | None) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix="opening-", suffix=".sqlite3", dir=scratch)
    os.close(fd)
    try:
        shutil.copyfile(path, name)
        yield Path(name)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):  # the copy is in clear: overwritten, not just removed
            wipe(Path(name + suffix))


def copy_out(path: Path, target: Path, key: bytes, **openers) -> Path:
    """The database inside a backup as a station database at ``target``, keyed with ``key``."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with opened(path, **openers) as (conn, _):
        export(conn, partial, key)
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


def set_keep_count(desk: Desk, actor: str, count: int) -> int:
    """Change how many daily backups are kept (admins only)."""
    users.require_role(desk, actor, "admin", "修改备份保留份数")
    low, high = KEEP_RANGE
    if isinstance(count, bool) or not isinstance(count, int) or not low <= count <= high:
        raise ValidationError(
            "备份保留份数应在{low}到{high}之间", field=KEEP_SETTING, params={"low": low, "high": high}
        )
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
    owner = owner_of(db, folder)
    try:
        made = backup_to(db, paths.backups_dir(folder) / name, owner=owner)
    except dbmod.DatabaseError as error:
        if not dbmod.is_damage(error):
            raise
        _keep_damaged_file(db, folder)
        raise _damaged(str(error)) from None
    _refuse_damaged_copy(made, owner)
    removed = prune(folder, keep_count(db))
    log.info("daily backup written to %s (%d old ones removed)", made, len(removed))
    return made


def _refuse_damaged_copy(made: Path, owner: Owner) -> None:
    """A damaged database must not push the good backups out of the kept N.

    The copy is checked rather than the live file: same pages, and the check
    keeps no lock on the station's database while it reads.
    """
    try:
        with opened(made, station_key=owner.station_key, scratch=made.parent) as (conn, _):
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except dbmod.DatabaseError as error:
        problems = [str(error)]
    if problems != ["ok"]:
        made.replace(made.with_name(DAMAGED_COPY))  # the latest one kept for whoever can rescue it
        log.error("today's backup %s failed its check: %s", made, problems)
        raise _damaged(problems[0])


def _damaged(problem: str) -> HaianError:
    return HaianError(
        "今天的自动备份没有做成：数据库文件已损坏（{problem}）",
        "请关闭程序再打开，按提示用最新的完好备份恢复",
        params={"problem": problem},
    )


def _keep_damaged_file(db: Database, folder: Path) -> None:
    """The station file as it is (encrypted, unreadable without the key), for whoever can rescue it."""
    if db.path is None:
        return
    target = paths.backups_dir(folder) / DAMAGED_COPY
    with contextlib.suppress(OSError):
        shutil.copyfile(db.path, target)
        _flush_to_disk(target)


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete the daily backups beyond the newest ``keep``; returns what was removed."""
    old = daily_backups(folder)[max(keep, 1) :]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def manual_backup(db: Database, folder: Path, now: datetime | None = None) -> Path:
    """A backup kept in the data folder on request (never pruned)."""
    name = f"{MANUAL_PREFIX}{local(now or now_utc()).strftime(STAMP_FORMAT)}{SUFFIX}"
    return backup_to(db, paths.backups_dir(folder) / name, owner=owner_of(db, folder))

"""Getting a station's data back: checking a database file, restoring a backup,
and noticing at start that the database is damaged.

A restore never touches the station's database until the chosen file has been
checked (SQLite's integrity check, a Haian Desk database, a schema this
program knows) and a copy of it has been migrated to the current schema in the
data folder. Only then is the current database moved aside (into
``replaced/``, never deleted) and the checked copy moved into its place.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from haian_desk import numbering, paths
from haian_desk.errors import HaianError
from haian_desk.storage import backup, migrations
from haian_desk.storage.db import Database
from haian_desk.timeutil import local, now_utc, show

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = ("meta", "events")
REQUIRED_META = ("installation_id", "unit_code", "unit_name")
STAGING_NAME = "restoring.sqlite3"
REPLACED_DIR = "replaced"


class RestoreRefused(HaianError):
    """A file that cannot be restored; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    """What a checked database file holds, in words a clerk can confirm."""

    path: Path
    installation_id: str
    unit_code: str
    unit_name: str
    schema_version: int
    cases: int
    events: int
    last_record_at: str | None

    def describe(self) -> str:
        last = show(self.last_record_at) if self.last_record_at else "无"
        return (f"{self.unit_name}（{self.unit_code}）的数据：{self.cases} 件办件，"
                f"最后一笔记录 {last}")


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    set_aside: Path | None  # where the replaced database now is (None if there was none)
    migrated_from: int


@dataclass(frozen=True)
class Health:
    """The station database as found at start: "ok", "missing" (first run) or "damaged"."""

    state: str
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "ok"


# --- checking a file -----------------------------------------------------------

def inspect(path: Path) -> BackupInfo:
    """Check that ``path`` is an intact Haian Desk database this program can open."""
    path = Path(path)
    _require_sqlite_file(path)
    try:
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise RestoreRefused(f"打不开 {path.name}（{error}）", "请换一个备份文件") from None
    try:
        return _read_checked(conn, path)
    except sqlite3.DatabaseError as error:
        raise RestoreRefused(f"{path.name} 已损坏，不能恢复（{error}）", "请换一个备份文件") from None
    finally:
        conn.close()


def _require_sqlite_file(path: Path) -> None:
    if not path.is_file():
        raise RestoreRefused(f"找不到文件 {path}", "请检查路径，或插好U盘后再试")
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise RestoreRefused(f"{path.name} 不是海安代理工作台的备份文件（不是数据库文件）",
                             "请选择备份时生成的 .sqlite3 文件")


def _read_checked(conn: sqlite3.Connection, path: Path) -> BackupInfo:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise RestoreRefused(f"{path.name} 已损坏，不能恢复（{problems[0]}）", "请换一个较早的备份")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > migrations.LATEST:
        raise RestoreRefused(f"{path.name} 是新版程序生成的（数据库版本 {version}，本程序只认识到 "
                             f"{migrations.LATEST}）", "请先安装新版海安代理工作台再恢复")
    meta = _haian_meta(conn, path)
    cases = _count(conn, "cases")
    events, last = conn.execute("SELECT count(*), max(wall_time) FROM events").fetchone()
    return BackupInfo(path, meta["installation_id"], meta["unit_code"], meta["unit_name"],
                      version, cases, events, last)


def _haian_meta(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    meta = {}
    if all(t in tables for t in REQUIRED_TABLES):
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if not all(key in meta for key in REQUIRED_META):
        raise RestoreRefused(f"{path.name} 不是海安代理工作台的数据库", "请选择本程序备份出来的文件")
    return meta


def _count(conn: sqlite3.Connection, table: str) -> int:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if exists else 0


# --- restoring -----------------------------------------------------------------

def restore(folder: Path, source: Path, *, now: datetime | None = None,
            allow_other_station: bool = False) -> Restored:
    """Replace the station's database with the checked ``source``.

    The program must not have the database open (the app closes it first).
    """
    info = inspect(source)
    current = paths.database_path(folder)
    if current.exists() and not allow_other_station:
        _refuse_other_station(current, info)
    staged, before = _stage(folder, info)
    try:
        aside = _set_aside(current, folder, now or now_utc())
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    os.replace(staged, current)
    log.info("restored %s (schema v%d) into %s; replaced database kept at %s",
             source, before, current, aside)
    return Restored(info, aside, before)


def _refuse_other_station(current: Path, info: BackupInfo) -> None:
    here = _installation_id(current)
    if here is not None and here != info.installation_id:
        raise RestoreRefused(f"这个备份是“{info.unit_name}”的，不是本站的",
                             "如确要换成另一个站的数据，请在命令后加 --other-station")


def _installation_id(db_path: Path) -> str | None:
    """The installation id of a database that may be damaged (None if unreadable)."""
    try:
        conn = sqlite3.connect(f"file:{db_path.resolve().as_posix()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'installation_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _stage(folder: Path, info: BackupInfo) -> tuple[Path, int]:
    """A migrated copy of the backup in the data folder, ready to move into place."""
    staged = backup.copy_file(info.path, folder / STAGING_NAME)
    try:
        db = Database(staged)
        try:
            before = migrations.migrate(db)
            with db.write() as conn:  # numbers issued after this copy was made may be in use
                numbering.mark_unsure(conn, info.last_record_at, f"restored from {info.path.name}")
            with db.utils.ensure_autocommit_on():
                db.conn.execute("PRAGMA journal_mode=DELETE")  # one file to move; reopening turns WAL back on
        finally:
            db.close()
    except (sqlite3.Error, HaianError) as error:
        staged.unlink(missing_ok=True)
        raise RestoreRefused(f"{info.path.name} 无法升级到本程序的数据库版本（{error}）",
                             "请换一个备份文件，或安装与备份相同版本的程序") from None
    return staged, before


def _set_aside(current: Path, folder: Path, now: datetime) -> Path | None:
    """Move the current database (and its -wal/-shm) into replaced/; never delete it."""
    if not current.exists():
        return None
    _fold_wal_in(current)
    aside_dir = folder / REPLACED_DIR
    aside_dir.mkdir(parents=True, exist_ok=True)
    aside = backup._unused_name(aside_dir / f"before-restore{backup.SUFFIX}", now)
    try:
        for suffix in ("-wal", "-shm", ""):  # the main file last: it is what marks "a database here"
            part = current.with_name(current.name + suffix)
            if part.exists():
                os.replace(part, aside.with_name(aside.name + suffix))
    except OSError as error:
        raise RestoreRefused(f"无法移开现在的数据库（{error}）", "请先关闭海安代理工作台再恢复") from None
    return aside


def _fold_wal_in(current: Path) -> None:
    """Write the WAL back into the main file; refuse if another program has it open.

    Leaving WAL mode needs the database to itself, so this doubles as the
    "is the app still running?" check. A damaged file is moved aside as it is.
    """
    try:
        conn = sqlite3.connect(str(current), timeout=2)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise RestoreRefused("数据库正在被使用", "请先关闭海安代理工作台再恢复") from None
        return
    except sqlite3.DatabaseError:
        return
    if mode != "delete":
        raise RestoreRefused("数据库正在被使用", "请先关闭海安代理工作台再恢复")


# --- at start --------------------------------------------------------------------

def examine(folder: Path) -> Health:
    """Is the station database fit to open? Quick enough to run before every start."""
    db_path = paths.database_path(folder)
    if not db_path.exists():
        return Health("missing")
    try:
        _require_sqlite_file(db_path)
        conn = sqlite3.connect(str(db_path))
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                return Health("damaged", f"数据库文件已损坏（{problems[0]}）")
            _haian_meta(conn, db_path)
        finally:
            conn.close()
    except RestoreRefused as refused:
        return Health("damaged", refused.message)
    except sqlite3.DatabaseError as error:
        return Health("damaged", f"数据库文件已损坏（{error}）")
    return Health("ok")


def is_damage(error: BaseException) -> bool:
    """Does this SQLite error mean the file itself is damaged (not a bug or a lock)?"""
    text = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text or "disk i/o" in text)


def backup_files(folder: Path) -> list[Path]:
    """Every backup in the data folder, newest first."""
    found = paths.backups_dir(folder).glob(f"*{backup.SUFFIX}")
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in the data folder that passes every check, or None."""
    for path in backup_files(folder):
        try:
            return inspect(path)
        except RestoreRefused as refused:
            log.warning("backup %s skipped: %s", path, refused)
    return None


def restore_newest(folder: Path, now: datetime | None = None) -> Restored:
    """The one action after damage: put the newest good backup in place."""
    best = newest_good_backup(folder)
    if best is None:
        raise RestoreRefused("数据目录里没有可用的备份", "请用U盘上的备份恢复：haian-desk restore 文件名")
    return restore(folder, best.path, now=now, allow_other_station=True)


def made_at(path: Path) -> str:
    """When a backup file was written, as a clerk reads it."""
    moment = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return local(moment).strftime("%Y-%m-%d %H:%M")


# --- a restore chosen in the running app, done at its next start ---------------------

PENDING_RESTORE = "pending-restore.json"


def schedule_restore(folder: Path, source: Path) -> BackupInfo:
    """Check ``source`` now and remember it; the app restores it before it next opens the database.

    The running app holds the database open, so it cannot be replaced in place.
    """
    info = inspect(source)
    current = paths.database_path(folder)
    if current.exists():
        _refuse_other_station(current, info)
    marker = folder / PENDING_RESTORE
    marker.write_text(json.dumps({"source": str(Path(source).resolve())}, ensure_ascii=False),
                      encoding="utf-8")
    return info


def pending_restore(folder: Path) -> Path | None:
    marker = folder / PENDING_RESTORE
    if not marker.exists():
        return None
    return Path(json.loads(marker.read_text(encoding="utf-8"))["source"])


def apply_pending_restore(folder: Path) -> Restored | None:
    """Carry out a scheduled restore (the marker goes whether it works or is refused)."""
    source = pending_restore(folder)
    if source is None:
        return None
    try:
        return restore(folder, source)
    finally:
        (folder / PENDING_RESTORE).unlink(missing_ok=True)

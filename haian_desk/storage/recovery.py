"""Getting a station's data back: checking a database file, restoring a backup,
and noticing at start that the database is damaged.

A restore never touches the station's database until the chosen file has been
checked (SQLite's integrity check, a Haian Desk database, a schema this
program knows) and a copy of it has been migrated to the current schema in the
data folder. Only then is the current database moved aside (into
``replaced/``, never deleted) and the checked copy moved into its place.

Backups are encrypted (storage/sealed.py). At the station, its own key opens
them; on a new PC the station passphrase does (the backup carries the salt);
at the township, the hub's private key does (``hub restore-station``). Plain
copies made before encryption are still accepted.

A restore, an unfinished setup and an unfinished encryption are each marked in
the data folder while they run; ``finish_interrupted`` completes or rolls
back whatever a kill left, before anything opens the database.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from haian_desk.core import failpoints, paths
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import local, now_utc, show
from haian_desk.replication import numbering
from haian_desk.storage import backup, db as dbmod, encrypt_plain, keys, migrations, sealed, setup_marker
from haian_desk.storage.backup_openers import Openers, key_for_restored, open_backup
from haian_desk.storage.db import Database

log = logging.getLogger(__name__)

REQUIRED_TABLES = ("meta", "events")
REQUIRED_META = ("installation_id", "unit_code", "unit_name")
STAGING_NAME = "restoring.sqlite3"
RESTORE_MARKER = "restoring.json"
REPLACED_DIR = "replaced"
__all__ = ["Openers", "open_backup"]  # who may open a backup: haian_desk/storage/backup_openers.py


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
        return f"{self.unit_name}（{self.unit_code}）的数据：{self.cases} 件办件，最后一笔记录 {last}"


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
    key_file: bool = False  # the key file is what is missing or damaged: backups need the passphrase (or OS store)

    @property
    def ok(self) -> bool:
        return self.state == "ok"


# --- checking a file -----------------------------------------------------------


def inspect(path: Path, openers: Openers | None = None) -> BackupInfo:
    """Check that ``path`` is an intact Haian Desk backup (or database) that can be opened here."""
    path = Path(path)
    _require_backup_file(path)
    try:
        with open_backup(path, openers or Openers.at(None)) as (conn, _key):  # None: the passphrase in the environment
            return _read_checked(conn, path)
    except sealed.BackupRefused as refused:
        raise RestoreRefused(refused.message, refused.hint) from None
    except dbmod.DatabaseError as error:
        raise RestoreRefused(
            "{name} 已损坏，不能恢复（{damage_text}）",
            "请换一个备份文件",
            params={"name": path.name, "damage_text": dbmod.damage_text(error)},
        ) from None


def _require_backup_file(path: Path) -> None:
    if not path.is_file():
        raise RestoreRefused("找不到文件 {path}", "请检查路径，或插好U盘后再试", params={"path": path})
    if not (sealed.is_sealed(path) or dbmod.is_plain_file(path)):
        raise RestoreRefused(
            "{name} 不是海安代理工作台的备份文件", "请选择备份时生成的 .hdbackup 文件", params={"name": path.name}
        )


def _read_checked(conn, path: Path) -> BackupInfo:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise RestoreRefused(
            "{name} 已损坏，不能恢复（{value}）", "请换一个较早的备份", params={"name": path.name, "value": problems[0]}
        )
    _read_every_text(conn, path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > migrations.LATEST:
        raise RestoreRefused(
            "{name} 是新版程序生成的（数据库版本 {version}，本程序只认识到 {LATEST}）",
            "请先安装新版海安代理工作台再恢复",
            params={"name": path.name, "version": version, "LATEST": migrations.LATEST},
        )
    meta = _haian_meta(conn, path)
    cases = _count(conn, "cases")
    events, last = conn.execute("SELECT count(*), max(wall_time) FROM events").fetchone()
    return BackupInfo(path, meta["installation_id"], meta["unit_code"], meta["unit_name"], version, cases, events, last)


def _read_every_text(conn, path: Path) -> None:
    """Read every row once: bytes flipped inside text (invalid UTF-8) pass SQLite's own check
    but would stop the station at the first screen that shows them."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    try:
        for table in tables:
            for _ in conn.execute(f'SELECT * FROM "{table}"'):
                pass
    except (*dbmod.DatabaseError, UnicodeDecodeError) as error:
        raise RestoreRefused(
            "{name} 已损坏，不能恢复（{table} 表里有读不出的文字：{damage_text}）",
            "请换一个较早的备份",
            params={"name": path.name, "table": table, "damage_text": dbmod.damage_text(error)},
        ) from None


def _haian_meta(conn, path: Path) -> dict[str, str]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    meta = {}
    if all(t in tables for t in REQUIRED_TABLES):
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if not all(key in meta for key in REQUIRED_META):
        raise RestoreRefused(
            "{name} 不是海安代理工作台的数据库", "请选择本程序备份出来的文件", params={"name": path.name}
        )
    return meta


def _count(conn, table: str) -> int:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if exists else 0


# --- restoring -----------------------------------------------------------------


def restore(
    folder: Path,
    source: Path,
    *,
    now: datetime | None = None,
    allow_other_station: bool = False,
    passphrase: str | None = None,
    township_box=None,
) -> Restored:
    """Replace the station's database with the checked ``source``.

    The program must not have the database open (the app closes it first).
    ``passphrase`` opens a backup on a PC that does not hold the station key
    yet (and becomes that PC's station passphrase); ``township_box`` is the
    township hub's private key (``hub restore-station``).
    """
    paths.require_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    finish_interrupted(folder)
    openers = Openers.at(folder, passphrase, township_box)
    info = inspect(source, openers)
    current = paths.database_path(folder)
    if current.exists() and not allow_other_station:
        _refuse_other_station(current, info, openers.own)
    keyfile, key = key_for_restored(Path(source), openers)
    staged, before = _stage(folder, info, openers, key)
    failpoints.hit("restore.staged")
    _mark_restore(folder, keyfile)
    aside = _set_aside(current, folder, now or now_utc(), openers.own)
    failpoints.hit("restore.set_aside")
    _move_in(folder, keyfile, key)
    log.info("restored %s (schema v%d) into %s; replaced database kept at %s", source, before, current, aside)
    return Restored(info, aside, before)


def _refuse_other_station(current: Path, info: BackupInfo, own: bytes | None) -> None:
    here = _installation_id(current, own)
    if here is not None and here != info.installation_id:
        raise RestoreRefused(
            "这个备份是“{unit_name}”的，不是本站的",
            "如确要换成另一个站的数据，请在命令后加 --other-station",
            params={"unit_name": info.unit_name},
        )


def _installation_id(db_path: Path, key: bytes | None) -> str | None:
    """The installation id of a database that may be damaged (None if unreadable)."""
    try:
        conn = dbmod.connect(db_path, key if not dbmod.is_plain_file(db_path) else None, read_only=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'installation_id'").fetchone()
        finally:
            conn.close()
    except dbmod.Error:
        return None
    return row[0] if row else None


def _stage(folder: Path, info: BackupInfo, openers: Openers, key: bytes) -> tuple[Path, int]:
    """A migrated copy of the backup in the data folder, keyed for this station, ready to move into place."""
    staged = folder / STAGING_NAME
    try:
        with open_backup(info.path, openers) as (conn, _):
            partial = staged.with_name(staged.name + ".partial")
            partial.unlink(missing_ok=True)
            backup.export(conn, partial, key)
        os.replace(partial, staged)
        db = Database(staged, key)
        try:
            before = migrations.migrate(db)
            with db.write() as conn:  # numbers issued after this copy was made may be in use
                numbering.mark_unsure(conn, info.last_record_at, f"restored from {info.path.name}")
            with db.read() as conn, dbmod.autocommit(conn):
                conn.execute("PRAGMA journal_mode=DELETE")  # one file to move; reopening turns WAL back on
        finally:
            db.close()
    except (*dbmod.Error, HaianError) as error:
        staged.unlink(missing_ok=True)
        raise RestoreRefused(
            "{name} 无法升级到本程序的数据库版本（{error}）",
            "请换一个备份文件，或安装与备份相同版本的程序",
            params={"name": info.path.name, "error": error},
        ) from None
    except OSError as error:
        staged.unlink(missing_ok=True)
        raise disk_error(folder, error) from None
    return staged, before


def _mark_restore(folder: Path, keyfile: keys.KeyFile | None) -> None:
    """From here on a kill is finished at the next start (the staged copy is whole)."""
    marker = folder / RESTORE_MARKER
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump({"keyfile": keyfile.to_json() if keyfile else None}, handle)
        handle.flush()
        os.fsync(handle.fileno())


def _move_in(folder: Path, keyfile: keys.KeyFile | None, key: bytes | None) -> None:
    current = paths.database_path(folder)
    if keyfile is not None:
        if key is not None:
            keys.adopt(folder, keyfile, key)
        else:
            keys.write_key_file(folder, keyfile)
    os.replace(folder / STAGING_NAME, current)
    (folder / RESTORE_MARKER).unlink(missing_ok=True)


def finish_interrupted(folder: Path) -> None:
    """Complete or roll back what a kill left in ``folder`` (a restore, a setup, an encryption)."""
    if not folder.is_dir():
        return
    if setup_marker.unfinished(folder):
        setup_marker.roll_back(folder)
    encrypt_plain.finish(folder)
    marker = folder / RESTORE_MARKER
    staged = folder / STAGING_NAME
    current = paths.database_path(folder)
    if marker.exists():
        if staged.exists() and not current.exists():  # killed after setting the old one aside
            data = json.loads(marker.read_text(encoding="utf-8") or "{}")
            saved = data.get("keyfile")
            _move_in(folder, keys.KeyFile.from_json(saved) if saved else None, None)
            log.warning("a restore cut off half way was completed")
            return
        marker.unlink()  # killed before the old one moved: it is still in place
    for leftover in (staged, staged.with_name(staged.name + ".partial"), staged.with_name(staged.name + "-journal")):
        leftover.unlink(missing_ok=True)


def _set_aside(current: Path, folder: Path, now: datetime, key: bytes | None) -> Path | None:
    """Move the current database (and its -wal/-shm) into replaced/; never delete it."""
    if not current.exists():
        return None
    _fold_wal_in(current, key)
    aside_dir = folder / REPLACED_DIR
    aside_dir.mkdir(parents=True, exist_ok=True)
    aside = backup._unused_name(aside_dir / "before-restore.sqlite3", now)  # still under the station key
    try:
        for suffix in ("-wal", "-shm", ""):  # the main file last: it is what marks "a database here"
            part = current.with_name(current.name + suffix)
            if part.exists():
                os.replace(part, aside.with_name(aside.name + suffix))
    except OSError as error:
        raise RestoreRefused(
            "无法移开现在的数据库（{error}）", "请先关闭海安代理工作台再恢复", params={"error": error}
        ) from None
    if keys.key_path(folder).is_file():  # what derives its key goes with it: a restore may adopt another
        shutil.copyfile(keys.key_path(folder), aside.with_name(aside.name + "." + keys.KEY_FILE))
    return aside


def _fold_wal_in(current: Path, key: bytes | None) -> None:
    """Write the WAL back into the main file; refuse if another program has it open.

    Leaving WAL mode needs the database to itself, so this doubles as the
    "is the app still running?" check. A damaged file is moved aside as it is.
    """
    try:
        conn = dbmod.connect(current, None if dbmod.is_plain_file(current) else key, timeout=2)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            conn.close()
    except dbmod.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise RestoreRefused("数据库正在被使用", "请先关闭海安代理工作台再恢复") from None
        return
    except dbmod.DatabaseError:
        return
    if mode != "delete":
        raise RestoreRefused("数据库正在被使用", "请先关闭海安代理工作台再恢复")


# --- at start --------------------------------------------------------------------


def examine(folder: Path, key: bytes | None = None) -> Health:
    """Is the station database fit to open? Quick enough to run before every start.

    Raises (rather than calling the database damaged) when the folder cannot
    be written or the station key is not at hand: neither is damage.
    """
    paths.require_folder(folder)
    finish_interrupted(folder)
    db_path = paths.database_path(folder)
    if not db_path.exists():
        return Health("missing")
    paths.require_writable(folder)
    if db_path.stat().st_size == 0:
        return Health("damaged", "数据库文件是空的（0字节），已损坏")
    plain = dbmod.is_plain_file(db_path)
    if not plain and not keys.key_path(folder).exists():
        return Health(
            "damaged", f"数据库打不开：本站钥匙文件（{keys.KEY_FILE}）不见了，或数据库文件已损坏", key_file=True
        )
    try:
        conn = dbmod.connect(db_path, None if plain else (key or keys.unlock(folder)))
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                return Health("damaged", f"数据库文件已损坏（{problems[0]}）")
            _haian_meta(conn, db_path)
        finally:
            conn.close()
    except RestoreRefused as refused:
        return Health("damaged", refused.message)
    except keys.KeyFileDamaged as damaged:  # the key file is part of the station's files: the same offer
        return Health("damaged", f"数据库打不开：{damaged.message}", key_file=True)
    except dbmod.DatabaseError as error:
        if not is_damage(error):
            raise
        return Health("damaged", f"数据库文件已损坏（{dbmod.damage_text(error)}）")
    return Health("ok")


is_damage = dbmod.is_damage  # the one test of "the file itself is damaged", kept in storage/db.py


def disk_error(folder: Path, error: BaseException) -> HaianError:
    """A full disk or an unwritable folder, said plainly (nothing saved is lost by either)."""
    text = str(error).lower()
    if getattr(error, "errno", None) == 28 or "disk is full" in text or "no space" in text:
        return HaianError(
            "磁盘已满，没有写入（{folder}）",
            "请删除不用的文件或换一个有空间的盘，已保存的数据没有丢失",
            params={"folder": folder},
        )
    return HaianError(
        "数据目录不能写入（{folder}）", "请检查文件夹权限或U盘写保护；已保存的数据没有丢失", params={"folder": folder}
    )


def backup_files(folder: Path) -> list[Path]:
    """Every backup in the data folder, newest first."""
    place = paths.backups_dir(folder)
    found = [*place.glob(f"*{backup.SUFFIX}"), *place.glob(f"*{backup.LEGACY_SUFFIX}")]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def newest_good_backup(folder: Path, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup in the data folder that passes every check, or None.

    ``passphrase``: typed by the clerk when the key file itself is lost and no OS key store holds the key.
    """
    openers = Openers.at(folder, passphrase)
    for path in backup_files(folder):
        try:
            return inspect(path, openers)
        except RestoreRefused as refused:
            log.warning("backup %s skipped: %s", path, refused)
    return None


def restore_newest(folder: Path, now: datetime | None = None, passphrase: str | None = None) -> Restored:
    """The one action after damage: put the newest good backup in place."""
    best = newest_good_backup(folder, passphrase)
    if best is None:
        raise RestoreRefused("数据目录里没有可用的备份", "请用U盘上的备份恢复：haian-desk restore 文件名")
    return restore(folder, best.path, now=now, allow_other_station=True, passphrase=passphrase)


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
    openers = Openers.at(folder)
    info = inspect(source, openers)
    current = paths.database_path(folder)
    if current.exists():
        _refuse_other_station(current, info, openers.own)
    marker = folder / PENDING_RESTORE
    marker.write_text(json.dumps({"source": str(Path(source).resolve())}, ensure_ascii=False), encoding="utf-8")
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

"""Encrypting a station's database made before encryption, on its first start after the upgrade.

The steps, each leaving something that opens at the next start if the
process is killed in between (``finish`` picks up where it stopped):

1. the plain database's WAL is folded into its main file;
2. an encrypted backup of it is written to ``backups/before-encryption-….hdbackup``
   (the only place the old contents are kept);
3. an encrypted copy is written to ``encrypting.sqlite3.partial`` and renamed
   to ``encrypted-ready.sqlite3`` once whole and on disk;
4. the plain file (and its -wal/-shm) is overwritten with zeros, synced and removed;
5. the encrypted copy takes the database's name.

Plain copies left in ``backups/`` and ``replaced/`` by earlier versions are
sealed into encrypted backups the same way and their plain files wiped.
Overwriting is what a program can do; on flash storage the drive may keep old
blocks elsewhere, which is why docs/keys-and-recovery.md says to encrypt the disk too.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from haian_desk.core import failpoints, paths
from haian_desk.core.timeutil import now_utc
from haian_desk.storage import backup, db as dbmod, keys
from haian_desk.storage.wipe import wipe

log = logging.getLogger(__name__)

READY_NAME = "encrypted-ready.sqlite3"
PARTIAL_NAME = "encrypting.sqlite3.partial"
BEFORE_PREFIX = "before-encryption"
SIDE_FILES = ("-wal", "-shm", "-journal")


def needed(folder: Path) -> bool:
    db_path = paths.database_path(folder)
    return (folder / READY_NAME).exists() or dbmod.is_plain_file(db_path) or bool(_plain_backups(folder))


def finish(folder: Path) -> None:
    """The part of a cut-off run that needs no key: a whole encrypted copy waiting to move in."""
    (folder / PARTIAL_NAME).unlink(missing_ok=True)  # a copy cut off half way is never used
    if (folder / READY_NAME).exists():
        _swap_in(folder, paths.database_path(folder))


def run(folder: Path, passphrase: str | None = None) -> None:
    """Encrypt the plain station in ``folder`` (resuming a run that was cut off)."""
    db_path = paths.database_path(folder)
    finish(folder)
    key = _station_key(folder, passphrase)
    if dbmod.is_plain_file(db_path):
        _encrypt_database(folder, db_path, key)
    for plain in _plain_backups(folder):
        _seal_plain_backup(folder, plain, key)


def _station_key(folder: Path, passphrase: str | None) -> bytes:
    if keys.read_key_file(folder) is not None:
        return keys.unlock(folder, passphrase)
    chosen = passphrase or os.environ.get(keys.PASSPHRASE_ENV)
    if not chosen:
        raise keys.PassphraseNeeded(
            "本站数据还没有加密：请先设置本站口令",
            "请在程序里设置本站口令；命令行可用环境变量 {PASSPHRASE_ENV} 提供",
            params={"PASSPHRASE_ENV": keys.PASSPHRASE_ENV},
        )
    return keys.create(folder, chosen)


def _encrypt_database(folder: Path, db_path: Path, key: bytes) -> None:
    conn = dbmod.connect(db_path, None, timeout=5)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        owner = backup.Owner(key, keys.read_key_file(folder), backup._township_box(conn))
        name = f"{BEFORE_PREFIX}{backup.SUFFIX}"
        made = backup._write_copy(
            conn, backup._unused_name(paths.backups_dir(folder) / name, now_utc()), owner, scratch=folder
        )
        failpoints.hit("encrypt.backed_up")
        backup.export(conn, folder / PARTIAL_NAME, key)
    finally:
        conn.close()
    failpoints.hit("encrypt.copied")
    os.replace(folder / PARTIAL_NAME, folder / READY_NAME)
    failpoints.hit("encrypt.ready")
    log.info("plain database encrypted; its old contents are kept only in %s", made)
    _swap_in(folder, db_path)


def _swap_in(folder: Path, db_path: Path) -> None:
    """Wipe whatever plain file is at the database's name, then move the encrypted copy there."""
    for suffix in SIDE_FILES:
        wipe(db_path.with_name(db_path.name + suffix))
    if dbmod.is_plain_file(db_path):
        wipe(db_path)
    failpoints.hit("encrypt.wiped")
    os.replace(folder / READY_NAME, db_path)
    _sync_folder(folder)


def _plain_backups(folder: Path) -> list[Path]:
    found = []
    for place in (paths.backups_dir(folder), folder / "replaced"):
        if place.is_dir():
            found += [p for p in place.glob(f"*{backup.LEGACY_SUFFIX}") if dbmod.is_plain_file(p)]
    return sorted(found)


def _seal_plain_backup(folder: Path, plain: Path, key: bytes) -> None:
    target = plain.with_name(plain.stem + backup.SUFFIX)
    if not target.exists():  # a run cut off after sealing but before wiping leaves both
        try:
            _seal_copy(folder, plain, target, key)
        except dbmod.DatabaseError as error:  # a damaged old copy: kept as it is, never lost
            log.warning("plain backup %s could not be read (%s); left as it was", plain.name, error)
            return
    for suffix in SIDE_FILES:
        wipe(plain.with_name(plain.name + suffix))
    wipe(plain)


def _seal_copy(folder: Path, plain: Path, target: Path, key: bytes) -> None:
    conn = dbmod.connect(plain, None)
    try:
        backup._write_copy(conn, target, backup.Owner(key, keys.read_key_file(folder), None), scratch=folder)
    finally:
        conn.close()


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to sync it; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""Who may open a backup here: the station's own key, a passphrase typed for it, the township's key.

Used by haian_desk/storage/recovery.py (restore, the checks before it) and by
``hub restore-station``. A backup names, in its readable description, the
passphrase salt it was sealed for; the station's own key is tried first, then
that salt with the passphrase at hand (or, with none, the key the OS key store
keeps for that salt: a station whose key file was lost), then the township's
private key.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from haian_desk.core.errors import SetupError
from haian_desk.storage import backup, keys, sealed


@dataclass(frozen=True)
class Openers:
    """What may open a backup here: the station's own key, a typed passphrase, the township's key."""

    own: bytes | None = None
    passphrase: str | None = None
    township_box: object | None = None

    @classmethod
    def at(cls, folder: Path | None, passphrase: str | None = None, township_box=None) -> Openers:
        passphrase = passphrase or os.environ.get(keys.PASSPHRASE_ENV) or None
        return cls(_own_key(folder, passphrase) if folder else None, passphrase, township_box)


def _own_key(folder: Path, passphrase: str | None) -> bytes | None:
    try:
        if not folder.is_dir() or keys.read_key_file(folder) is None:
            return None
    except SetupError:  # a damaged key file: the backup's own salt and the passphrase still work
        return None
    try:
        return keys.unlock(folder)
    except keys.WrongPassphrase:
        if passphrase is None:
            raise
    except keys.PassphraseNeeded:
        if passphrase is None:
            raise
    try:
        return keys.unlock(folder, passphrase)
    except keys.WrongPassphrase:  # the passphrase typed is another station's, for its backup
        return None


@contextlib.contextmanager
def open_backup(path: Path, openers: Openers) -> Iterator[tuple[sqlite3.Connection, bytes | None]]:
    """A connection to the database in ``path`` and the station key that opened it (if one did)."""
    if not sealed.is_sealed(path):
        with backup.opened(path) as (conn, _):
            yield conn, None
        return
    found = sealed.read(path)
    for key in _station_keys(found, openers):
        try:
            sealed.content_key(found, station_key=key)
        except sealed.BackupRefused:
            continue
        with backup.opened(path, station_key=key) as (conn, _):
            yield conn, key
        return
    if openers.township_box is None and _claims_our_key(found, openers):
        raise sealed.tampered(path)  # sealed for this station's key, which does not open it: edited
    with backup.opened(path, township_box=openers.township_box) as (conn, _):
        yield conn, None


def _claims_our_key(found: sealed.SealedFile, openers: Openers) -> bool:
    carried = found.keyfile
    return bool(openers.own and carried and keys.check_value(openers.own) == carried.check)


def _station_keys(found: sealed.SealedFile, openers: Openers) -> list[bytes]:
    candidates = [openers.own] if openers.own else []
    if found.keyfile is not None:
        with contextlib.suppress(keys.WrongPassphrase, keys.PassphraseNeeded):
            candidates.append(keys.unlock_with(found.keyfile, openers.passphrase))
    return candidates


def key_for_restored(source: Path, openers: Openers) -> tuple[keys.KeyFile | None, bytes]:
    """The key the restored database gets: the station's own, else the backup's passphrase, else a new one.

    Returns the key file to adopt when the folder has none yet (None: keep the folder's).
    """
    if openers.own is not None:
        return None, openers.own
    carried = sealed.read(source).keyfile if sealed.is_sealed(source) else None
    if carried is not None and not openers.passphrase:
        # The folder's key file is gone, but the OS key store (or this process) may still hold the
        # key the backup names: Windows then restores a station whose key file was lost with no typing.
        try:
            return carried, keys.unlock_with(carried)
        except (keys.WrongPassphrase, keys.PassphraseNeeded):
            pass
    if not openers.passphrase:
        raise keys.PassphraseNeeded(
            "恢复到这台电脑需要本站口令",
            "请输入本站口令；命令行可用环境变量 {PASSPHRASE_ENV} 提供",
            params={"PASSPHRASE_ENV": keys.PASSPHRASE_ENV},
        )
    if carried is not None:
        try:
            return carried, keys.unlock_with(carried, openers.passphrase)
        except keys.WrongPassphrase:
            pass  # opened with the township's key: the passphrase given becomes a new one
    return keys.new_key(openers.passphrase)

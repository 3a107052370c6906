"""A lost or garbled station key file, and an OS key store that is empty, garbled or broken.

The key file beside the database is one of the station's files: when it is
missing or unreadable the station gets the message and the restore offer every
other damage gets (tests/haian_desk/test_storage_damage.py), never a traceback.
The OS key store (Windows Credential Manager through ``keyring``) is played
here by an in-memory backend set the way keyring allows, ``keyring.set_keyring``:
the code path through ``keyring`` is the real one; only the store is not.
"""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from haian_desk.cli import main as cli
from haian_desk.core import paths
from haian_desk.desk import Desk
from haian_desk.storage import backup, keys, recovery
from tests.conftest import TEST_PASSPHRASE

GARBLE = {
    "deleted": lambda path: path.unlink(),
    "not JSON": lambda path: path.write_text("{not json", encoding="utf-8"),
    "binary garbage": lambda path: path.write_bytes(b"\xff\xfe\x00\x81" * 40),
    "empty": lambda path: path.write_bytes(b""),
    "fields missing": lambda path: path.write_text(json.dumps({"format": 1, "kdf": "scrypt"}), encoding="utf-8"),
    "salt not base64": lambda path: path.write_text(
        json.dumps({**json.loads(path.read_text()), "salt": "@@@@"}), encoding="utf-8"
    ),
    "a folder in its place": lambda path: (path.unlink(), path.mkdir()),
}


class MemoryKeyring(KeyringBackend):
    """An OS key store in memory (Windows: Credential Manager / DPAPI)."""

    priority = 5

    def __init__(self):
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.saved.get((service, username))

    def set_password(self, service, username, password):
        self.saved[(service, username)] = password

    def delete_password(self, service, username):
        self.saved.pop((service, username), None)


class BrokenKeyring(MemoryKeyring):
    """A store that answers every call with an error (a locked or corrupt vault)."""

    def get_password(self, service, username):
        raise KeyringError("the vault is locked")

    def set_password(self, service, username, password):
        raise KeyringError("the vault is locked")


@pytest.fixture
def os_store(monkeypatch):
    """Install an in-memory backend through keyring's own API; put the previous one back afterwards."""
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    monkeypatch.setenv(keys.NO_KEYRING_ENV, "0")  # use the store even on Linux without a session bus
    keys.forget_cached()
    yield store
    keyring.set_keyring(previous)
    keys.forget_cached()


def _station_with_a_backup(desk, new_case, clock):
    for n in range(5):
        new_case(description=f"第{n}件事")
    made = backup.run_daily(desk.db, desk.folder, clock.now)
    folder = desk.folder
    desk.close()
    keys.forget_cached()
    return folder, made


@pytest.mark.parametrize("kind", list(GARBLE))
def test_a_lost_or_garbled_key_file_is_damage_with_the_restore_offer(desk, new_case, clock, capsys, kind):
    folder, _ = _station_with_a_backup(desk, new_case, clock)
    GARBLE[kind](keys.key_path(folder))

    health = recovery.examine(folder)
    assert health.state == "damaged" and health.key_file and "钥匙文件" in health.problem
    assert recovery.newest_good_backup(folder) is not None  # the passphrase (here from the environment)
    for command in (["cases"], ["check"]):
        assert cli.main([*command, "--data-dir", str(folder)]) == cli.EXIT_ERROR
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "钥匙文件" in err and "restore --latest" in err, err
    assert cli.main(["restore", "--latest", "--data-dir", str(folder)]) == 0, capsys.readouterr().err
    assert cli.main(["cases", "--data-dir", str(folder)]) == 0, capsys.readouterr().err
    assert recovery.examine(folder).ok


def test_with_the_key_in_the_os_store_a_lost_key_file_is_restored_without_typing(
    desk, new_case, clock, os_store, monkeypatch
):
    folder, made = _station_with_a_backup(desk, new_case, clock)
    Desk.open(folder, passphrase=TEST_PASSPHRASE).close()  # typed once: the store now holds the key
    assert len(os_store.saved) == 1
    keys.forget_cached()  # "a reboot"
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    keys.key_path(folder).unlink()

    assert recovery.examine(folder).key_file
    best = recovery.newest_good_backup(folder)  # opened with the stored key
    assert best is not None and best.path == made
    recovery.restore_newest(folder)
    keys.forget_cached()
    Desk.open(folder).close()  # and after the next reboot, no typing
    assert keys.key_path(folder).exists()


@pytest.mark.parametrize("entry", ["garbled", "another key", "missing"])
def test_a_bad_or_missing_os_store_entry_falls_back_to_the_passphrase(desk, os_store, monkeypatch, entry):
    folder = desk.folder
    desk.close()
    keys.forget_cached()
    Desk.open(folder, passphrase=TEST_PASSPHRASE).close()
    (name,) = list(os_store.saved)
    os_store.saved[name] = {"garbled": "not hex at all", "another key": "00" * 32}.get(entry, "")
    if entry == "missing":
        os_store.saved.clear()
    keys.forget_cached()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(keys.PassphraseNeeded):  # asked, not crashed, not let in
        Desk.open(folder)
    Desk.open(folder, passphrase=TEST_PASSPHRASE).close()  # typing it mends the entry
    keys.forget_cached()
    Desk.open(folder).close()


def test_a_broken_os_store_costs_the_convenience_not_the_station(desk, monkeypatch):
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    monkeypatch.setenv(keys.NO_KEYRING_ENV, "0")
    try:
        folder = desk.folder
        desk.close()
        keys.forget_cached()
        assert keys.os_store_available()
        Desk.open(folder, passphrase=TEST_PASSPHRASE).close()
        keys.forget_cached()
        monkeypatch.delenv(keys.PASSPHRASE_ENV)
        with pytest.raises(keys.PassphraseNeeded):
            Desk.open(folder)
    finally:
        keyring.set_keyring(previous)
        keys.forget_cached()


def test_the_data_folders_files_never_hold_the_key(desk, os_store):
    folder = desk.folder
    desk.close()
    keys.forget_cached()
    key = keys.unlock(folder, TEST_PASSPHRASE)
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert key not in data and key.hex().encode() not in data, path
    assert paths.database_path(folder).exists()

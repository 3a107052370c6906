"""The sync private keys at rest: encrypted under the station key, older plain files encrypted at first load.

At a township hub the X25519 key opens every enrolled station's backup, so a
copy of the data folder without the passphrase must not give it away.
"""

from __future__ import annotations

import os
import stat
from datetime import datetime

import pytest
from cryptography.hazmat.primitives import serialization

from haian_desk.cli import main as cli
from haian_desk.core.timeutil import UTC
from haian_desk.storage import backup, keys
from sync import keys as keymod
from sync.errors import SyncError
from tests.conftest import Clock
from tests.sync.helpers import make_node, take_in, township_with_stations

FILES = (keymod.SIGNING_FILE, keymod.BOX_FILE)


@pytest.fixture
def township(tmp_path):
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    node = make_node(tmp_path / "township", "320685102", "曲塘镇代理中心", "township", clock)
    yield node
    node.close()


def _pem(folder, name) -> bytes:
    return (keymod.key_folder(folder) / name).read_bytes()


def test_a_new_installations_private_keys_are_encrypted_and_owner_only(township):
    folder = township.folder
    assert keymod.is_protected(folder)
    for name in FILES:
        path = keymod.key_folder(folder) / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with pytest.raises(TypeError):  # no password: no key
            serialization.load_pem_private_key(path.read_bytes(), password=None)
    again = keymod.load(folder)
    assert (again.sign_public, again.box_public) == (township.keys.sign_public, township.keys.box_public)


def _make_plain(folder, installation) -> None:
    """What an older release left: the same keys as plain PKCS#8 PEM."""
    for name, key in zip(FILES, (installation.signing, installation.box), strict=True):
        keymod._write_private(keymod.key_folder(folder) / name, key, None)


def test_plain_files_of_an_older_release_are_encrypted_at_the_first_load(township):
    folder = township.folder
    _make_plain(folder, township.keys)
    plain = {name: _pem(folder, name) for name in FILES}
    assert not keymod.is_protected(folder)
    loaded = keymod.load(folder)
    assert loaded.box_public == township.keys.box_public
    assert keymod.is_protected(folder)
    leftovers = [p.name for p in keymod.key_folder(folder).iterdir() if p.name not in FILES]
    assert leftovers == []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(pem in data for pem in plain.values()), path


def test_a_kill_during_the_encryption_is_finished_at_the_next_load(township):
    folder = township.folder
    _make_plain(folder, township.keys)
    box = keymod.key_folder(folder) / keymod.BOX_FILE
    leftover = box.with_name(box.name + keymod.PLAIN_LEFTOVER)
    os.link(box, leftover)  # killed right after the link
    assert keymod.load(folder).box_public == township.keys.box_public
    assert keymod.is_protected(folder) and not leftover.exists()

    plain_copy = keymod.InstallationKeys(township.keys.signing, township.keys.box)
    stale = box.with_name(box.name + keymod.PLAIN_LEFTOVER)
    keymod._write_private(stale, plain_copy.box, None)  # killed after the move, before the wipe
    assert keymod.load(folder).box_public == township.keys.box_public
    assert not stale.exists()


def test_keys_encrypted_under_another_station_key_say_so(township, tmp_path):
    other = make_node(tmp_path / "other", "320685102211", "曲塘镇杨庄村代理站", "station", township.clock)
    other.close()
    for name in FILES:  # someone copied another folder's keys in
        (keymod.key_folder(township.folder) / name).write_bytes(_pem(other.folder, name))
    with pytest.raises(SyncError) as refused:
        keymod.load(township.folder)
    assert refused.value.kind == "bad_keys" and "重新登记" in refused.value.hint


def test_encrypted_keys_without_the_station_key_file_say_what_to_put_back(township):
    keys.key_path(township.folder).rename(township.folder / "elsewhere.json")
    with pytest.raises(SyncError) as refused:
        keymod.load(township.folder)
    assert "station-key.json" in refused.value.hint


def test_the_township_still_opens_a_stations_backup_with_its_encrypted_key(tmp_path, monkeypatch, capsys):
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    hub, (station,) = township_with_stations(tmp_path / "net", clock, 1)
    try:
        assert keymod.is_protected(hub.folder)
        number = take_in(station)
        made = backup.backup_to(station.desk.db, tmp_path / "usb" / "b.hdbackup")
    finally:
        station.close()
        hub.close()
    keys.forget_cached()
    monkeypatch.setenv("HAIAN_DESK_NEW_PASSPHRASE", "new-passphrase-for-the-station")
    out = tmp_path / "rebuilt"
    assert cli.main(["hub", "restore-station", str(made), "--out", str(out), "--data-dir", str(hub.folder)]) == 0
    assert "已恢复" in capsys.readouterr().out and number


@pytest.mark.parametrize("point", ["sync_keys.linked", "sync_keys.encrypted", "wipe.block"])
def test_a_real_kill_at_each_step_of_the_encryption_loses_no_key(township, point):
    """A process loading the plain keys is killed with SIGKILL at each step; the next load finishes the job."""
    import subprocess
    import sys

    from haian_desk.core.failpoints import ENV as FAILPOINT

    folder = township.folder
    _make_plain(folder, township.keys)
    code = f"from pathlib import Path; from sync import keys; keys.load(Path({str(folder)!r}))"
    killed = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, FAILPOINT: point}, capture_output=True, timeout=120
    )
    assert killed.returncode == -9, killed.stderr.decode()
    again = keymod.load(folder)
    assert (again.sign_public, again.box_public) == (township.keys.sign_public, township.keys.box_public)
    assert keymod.is_protected(folder)
    assert sorted(p.name for p in keymod.key_folder(folder).iterdir()) == sorted(FILES)

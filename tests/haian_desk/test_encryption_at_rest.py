"""Villagers' data at rest: the database, its WAL, every backup, the log and a crash report hold
no readable name, ID number or phone; the key comes from the passphrase or the OS key store;
backups open for the station and its township only."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import keyring
import pytest
from keyring.backend import KeyringBackend

from haian_desk.cases.operations import Intake, take_in
from haian_desk.cli import main as cli
from haian_desk.core import logs, paths
from haian_desk.desk import Desk
from haian_desk.replication import sync_state
from haian_desk.storage import backup, db as dbmod, keys, recovery, sealed
from tests.conftest import TEST_PASSPHRASE


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "haian_desk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def needles(desk) -> list[bytes]:
    """Every villager's name, ID number and phone, as they would sit in a file."""
    found = []
    for row in desk.db.query("SELECT name, id_number, phone FROM villagers"):
        found += [value.encode("utf-8") for value in row if value]
    assert len(found) > 100
    return found


def readable(path, wanted: list[bytes]) -> list[bytes]:
    data = path.read_bytes()
    return [needle for needle in wanted if needle in data]


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory):
    """A demo station made by the real command, backed up every way the README describes."""
    root = tmp_path_factory.mktemp("at-rest")
    folder, stick = root / "station", root / "usb"
    assert run("demo", "--data-dir", str(folder), "--cases", "80").returncode == 0
    stick.mkdir()
    made = run("backup", "--data-dir", str(folder), "--out", f"{stick}{os.sep}")
    assert made.returncode == 0, made.stderr
    assert run("backup", "--data-dir", str(folder)).returncode == 0
    return folder, stick


def test_no_file_of_a_demo_station_shows_a_villagers_data(demo_station, clock):
    folder, stick = demo_station
    desk = Desk.open(folder, wall=clock)
    try:
        wanted = needles(desk)
        villager, cadre = (desk.db.scalar(f"SELECT id FROM {t} LIMIT 1") for t in ("villagers", "cadres"))
        for n in range(5):  # committed and still in the WAL while the station is open
            take_in(
                desk,
                "admin",
                Intake(kind="opinion", villager_id=villager, description=f"反映第{n}件事", first_cadre_id=cadre),
            )
        backup.run_daily(desk.db, folder, clock.now)
        wal = paths.database_path(folder).with_name("haian_desk.sqlite3-wal")
        assert wal.stat().st_size > 0
        files = [p for p in [*folder.rglob("*"), *stick.rglob("*")] if p.is_file()]
        kinds = {p.suffix or p.name for p in files}
        assert {".sqlite3", ".sqlite3-wal", ".hdbackup", ".log"} <= kinds | {p.name[-12:] for p in files}
        leaks = {str(p.relative_to(p.parents[1])): readable(p, wanted)[:3] for p in files}
        assert {k: v for k, v in leaks.items() if v} == {}
    finally:
        desk.close()


def test_a_crash_report_and_the_log_mask_what_an_error_quotes(demo_station, tmp_path):
    from ui.crash import details_text

    folder, _ = demo_station
    desk = Desk.open(folder)
    row = desk.db.one("SELECT name, id_number, phone FROM villagers WHERE id_number IS NOT NULL LIMIT 1")
    desk.close()
    quoted = f"身份证号已登记在“{row['name']}”名下（{row['id_number']}，{row['phone']}）"
    try:
        raise RuntimeError(quoted)
    except RuntimeError as error:
        report = details_text(type(error), error, error.__traceback__, "MainThread")
    assert row["id_number"] not in report and row["phone"] not in report and row["name"] not in report
    assert row["id_number"][:6] in report  # masked the receipt's way, not dropped
    logged = logs.RedactingFormatter(logs.FORMAT).format(
        logs.logging.LogRecord("t", 40, __file__, 1, quoted, None, None)
    )
    assert row["id_number"] not in logged and row["name"] not in logged


# --- the key -------------------------------------------------------------------------------


def test_the_wrong_passphrase_and_no_passphrase_are_told_apart_from_damage(desk, monkeypatch):
    folder = desk.folder
    desk.close()
    keys.forget_cached()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "someone-elses-passphrase")
    with pytest.raises(keys.WrongPassphrase) as wrong:
        Desk.open(folder)
    assert "口令不对" in str(wrong.value)
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(keys.PassphraseNeeded):
        Desk.open(folder)
    assert Desk.open(folder, passphrase=TEST_PASSPHRASE).installation.unit_code
    key_file = keys.key_path(folder).read_text()
    assert TEST_PASSPHRASE not in key_file and keys.unlock(folder).hex() not in key_file


class MemoryKeyring(KeyringBackend):
    """An OS key store stand-in (Windows would use Credential Manager here)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.saved = {}

    def get_password(self, service, username):
        return self.saved.get((service, username))

    def set_password(self, service, username, password):
        self.saved[(service, username)] = password

    def delete_password(self, service, username):
        self.saved.pop((service, username), None)


def test_with_an_os_key_store_a_restart_asks_for_nothing(desk, monkeypatch):
    store = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: store)
    monkeypatch.setattr(keyring, "set_password", store.set_password)
    monkeypatch.setattr(keyring, "get_password", store.get_password)
    monkeypatch.setenv(keys.NO_KEYRING_ENV, "0")
    folder = desk.folder
    desk.close()
    keys.forget_cached()
    Desk.open(folder, passphrase=TEST_PASSPHRASE).close()  # typed once
    assert len(store.saved) == 1
    keys.forget_cached()  # "a reboot"
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    Desk.open(folder).close()


def test_the_fail_backend_is_not_taken_for_a_key_store(monkeypatch):
    from keyring.backends import fail

    monkeypatch.setenv(keys.NO_KEYRING_ENV, "0")
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert not keys.os_store_available()


# --- backups only the station and its township open --------------------------------------


def _enrol_under_a_township(desk, tmp_path):
    from sync import keys as sync_keys

    hub_folder = tmp_path / "township"
    hub = sync_keys.load_or_create(hub_folder)
    with desk.db.write() as conn:
        sync_state.save_peer(
            conn,
            sync_state.Peer(
                "hub-id",
                sync_state.PARENT,
                "320685102",
                "曲塘镇代理中心",
                "township",
                hub.sign_public,
                hub.box_public,
                enrolled_at="2026-03-01T00:00:00Z",
            ),
        )
    return hub_folder


def test_a_lost_stick_opens_for_nobody_else(desk, new_case, tmp_path, monkeypatch):
    new_case()
    made = backup.backup_to(desk.db, tmp_path / "usb" / "b.hdbackup")
    keys.forget_cached()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "a-finders-guess-2026")
    with pytest.raises(recovery.RestoreRefused) as refused:
        recovery.restore(tmp_path / "finder", made)
    assert "本站的钥匙打不开" in str(refused.value)
    assert not paths.database_path(tmp_path / "finder").exists()


def test_the_township_opens_a_stations_backup_when_its_pc_and_passphrase_are_gone(
    desk, new_case, tmp_path, monkeypatch, capsys
):
    case = new_case()
    hub_folder = _enrol_under_a_township(desk, tmp_path)
    made = backup.backup_to(desk.db, tmp_path / "usb" / "b.hdbackup")
    assert "township" in sealed.read(made).slots
    desk.close()
    keys.forget_cached()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "the-townships-own-passphrase")  # not the station's
    monkeypatch.setenv("HAIAN_DESK_NEW_PASSPHRASE", "new-passphrase-for-the-station")
    out = tmp_path / "rebuilt"
    assert cli.main(["hub", "restore-station", str(made), "--out", str(out), "--data-dir", str(hub_folder)]) == 0
    assert "已恢复" in capsys.readouterr().out
    rebuilt = Desk.open(out, passphrase="new-passphrase-for-the-station")
    assert rebuilt.db.scalar("SELECT case_no FROM cases") == case.case_no
    rebuilt.close()


def test_another_townships_key_does_not_open_it(desk, new_case, tmp_path, monkeypatch, capsys):
    from sync import keys as sync_keys

    new_case()
    _enrol_under_a_township(desk, tmp_path)
    made = backup.backup_to(desk.db, tmp_path / "usb" / "b.hdbackup")
    sync_keys.load_or_create(tmp_path / "elsewhere")
    keys.forget_cached()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "the-townships-own-passphrase")
    monkeypatch.setenv("HAIAN_DESK_NEW_PASSPHRASE", "new-passphrase-for-the-station")
    code = cli.main(
        ["hub", "restore-station", str(made), "--out", str(tmp_path / "x"), "--data-dir", str(tmp_path / "elsewhere")]
    )
    assert code == cli.EXIT_ERROR
    assert "打不开" in capsys.readouterr().err


def test_restore_at_the_same_station_needs_no_extra_step(desk, new_case, tmp_path, capsys):
    new_case()
    made = backup.backup_to(desk.db, tmp_path / "usb" / "b.hdbackup")
    new_case()
    folder = desk.folder
    desk.close()
    assert cli.main(["restore", str(made), "--data-dir", str(folder)]) == 0
    reopened = Desk.open(folder)
    assert reopened.db.scalar("SELECT count(*) FROM cases") == 1
    reopened.close()


def test_a_database_set_aside_keeps_what_derives_its_key(desk, new_case, tmp_path, monkeypatch):
    """Restoring another station's backup without this station's passphrase adopts that station's
    key file; the database moved to replaced/ still opens with this station's own passphrase."""
    from haian_desk.desk import initialise

    new_case()
    other = initialise(tmp_path / "other", "320685102211", "曲塘镇杨庄村代理站", passphrase="yangzhuang-2026")
    theirs = backup.backup_to(other.db, tmp_path / "usb" / "theirs.hdbackup")
    other.close()
    folder = desk.folder
    desk.close()
    keys.forget_cached()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "yangzhuang-2026")
    done = recovery.restore(folder, theirs, allow_other_station=True)
    kept = done.set_aside.with_name(done.set_aside.name + "." + keys.KEY_FILE)
    own = keys.KeyFile.from_json(json.loads(kept.read_text()))
    conn = dbmod.connect(done.set_aside, keys.unlock_with(own, TEST_PASSPHRASE), read_only=True)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    conn.close()

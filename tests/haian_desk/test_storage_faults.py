"""Faults a careless world brings to a station's storage: kills during init, demo and restore, a full
disk, a folder that cannot be written, a data folder that is a file, an empty or damaged file."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from haian_desk.cases.operations import Intake, take_in
from haian_desk.cli import main as cli
from haian_desk.core import paths
from haian_desk.core.errors import HaianError
from haian_desk.core.failpoints import ENV as FAILPOINT
from haian_desk.desk import Desk
from haian_desk.storage import backup, recovery, sealed, setup_marker
from haian_desk.storage.db import Database

INIT = ["init", "--station-code", "320685102210", "--name", "曲塘镇双楼村代理站"]


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "haian_desk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def one_clear_line(result, says: str) -> None:
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- kills ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command, step",
    [
        (INIT, "init.identity"),
        (["demo", "--cases", "30"], "demo.cases_added"),
    ],
)
def test_a_kill_while_setting_up_is_rolled_back_and_setting_up_again_works(tmp_path, command, step):
    folder = str(tmp_path / "station")
    killed = run(*command, "--data-dir", folder, env={FAILPOINT: step})
    assert killed.returncode == -9
    assert setup_marker.unfinished(tmp_path / "station")
    again = run(*command, "--data-dir", folder)
    assert again.returncode == 0, again.stderr
    assert run("cases", "--data-dir", folder).returncode == 0
    assert list((tmp_path / "station" / "replaced").iterdir())  # the half-made one kept, not deleted


@pytest.mark.parametrize("step, restored", [("restore.staged", False), ("restore.set_aside", True)])
def test_a_kill_during_restore_is_finished_or_undone_at_the_next_start(desk, new_case, tmp_path, step, restored):
    new_case()
    made = backup.backup_to(desk.db, tmp_path / "usb" / "b.hdbackup")
    new_case()
    folder = desk.folder
    desk.close()
    killed = run("restore", str(made), "--data-dir", str(folder), env={FAILPOINT: step})
    assert killed.returncode == -9
    reopened = Desk.open(folder)
    assert reopened.db.scalar("SELECT count(*) FROM cases") == (1 if restored else 2)
    reopened.close()
    assert not (folder / recovery.STAGING_NAME).exists()
    assert not (folder / recovery.RESTORE_MARKER).exists()


# --- a full disk ------------------------------------------------------------------------------


def test_a_full_disk_at_intake_says_so_and_saves_nothing_half(desk, villager_id, cadre_id):
    events = desk.db.scalar("SELECT count(*) FROM events")
    pages = desk.db.scalar("PRAGMA page_count")
    with desk.db.read() as conn:
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL, as on a full disk
    big = "反映" * 4000
    with pytest.raises(HaianError) as full:
        for _ in range(50):
            take_in(
                desk, "clerk", Intake(kind="opinion", villager_id=villager_id, description=big, first_cadre_id=cadre_id)
            )
    assert "磁盘已满" in str(full.value) and "之前保存的数据都在" in str(full.value)
    committed = desk.db.scalar("SELECT count(*) FROM events") - events
    assert desk.db.scalar("SELECT count(*) FROM cases") * 1 <= committed  # whole intakes only
    assert desk.db.scalar("PRAGMA quick_check") == "ok"


def test_a_full_stick_at_backup_says_so_and_leaves_no_partial_file(desk, new_case, tmp_path, monkeypatch, capsys):
    new_case()
    folder = desk.folder
    desk.close()

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sealed, "write", no_space)
    stick = tmp_path / "usb"
    stick.mkdir()
    assert cli.main(["backup", "--data-dir", str(folder), "--out", f"{stick}{os.sep}"]) == cli.EXIT_ERROR
    assert "空间不够" in capsys.readouterr().err
    assert list(stick.iterdir()) == []


def test_a_full_disk_during_demo_says_so_and_the_next_start_rolls_it_back(tmp_path, monkeypatch, capsys):
    configure = Database._configure

    def tiny_disk(self):
        configure(self)
        self.query("PRAGMA max_page_count = 400")

    monkeypatch.setattr(Database, "_configure", tiny_disk)
    folder = tmp_path / "demo"
    assert cli.main(["demo", "--data-dir", str(folder), "--cases", "400"]) == cli.EXIT_ERROR
    assert "磁盘已满" in capsys.readouterr().err
    monkeypatch.setattr(Database, "_configure", configure)
    assert cli.main(["demo", "--data-dir", str(folder), "--cases", "20"]) == 0


def test_a_full_disk_inside_a_nested_write_reports_the_full_disk(desk):
    """A full disk mid-statement can make SQLite roll the whole transaction back itself: the
    savepoint is gone then, and the clerk must hear about the disk, not about a savepoint."""
    from sqlcipher3.dbapi2 import OperationalError

    with pytest.raises(HaianError, match="磁盘已满"), desk.db.write() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('probe', '1')")
        with desk.db.write() as inner:
            inner.execute("ROLLBACK")  # what SQLite did on its own
            raise OperationalError("database or disk is full")
    assert desk.db.scalar("SELECT count(*) FROM settings WHERE key = 'probe'") == 0
    with desk.db.write() as conn:  # and the next write works
        conn.execute("INSERT INTO settings (key, value) VALUES ('probe', '2')")
    assert desk.db.scalar("SELECT value FROM settings WHERE key = 'probe'") == "2"


# --- a folder that cannot be written, a data folder that is a file ---------------------------


@pytest.mark.parametrize("command", [["cases"], ["check"], ["backup"]])
def test_a_read_only_data_folder_is_said_plainly_not_called_damage(desk, monkeypatch, capsys, command):
    folder = desk.folder
    desk.close()
    monkeypatch.setattr(paths.os, "access", lambda path, mode: False)  # tests run as root: chmod would not bite
    assert cli.main([*command, "--data-dir", str(folder)]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "数据目录不能写入" in err and "损坏" not in err


@pytest.mark.parametrize("command", [INIT, ["demo", "--cases", "5"], ["restore", "--latest"]])
def test_a_data_folder_that_is_a_file_is_said_plainly(tmp_path, capsys, command):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    assert cli.main([*command, "--data-dir", str(a_file)]) == cli.EXIT_ERROR
    assert "是一个文件，不是文件夹" in capsys.readouterr().err


# --- damage -----------------------------------------------------------------------------------


def test_an_empty_database_file_is_damage_with_the_restore_offer(desk, new_case, clock, capsys):
    new_case()
    backup.run_daily(desk.db, desk.folder, clock.now)
    folder = desk.folder
    desk.close()
    for suffix in ("-wal", "-shm"):
        paths.database_path(folder).with_name(paths.DB_FILENAME + suffix).unlink(missing_ok=True)
    paths.database_path(folder).write_bytes(b"")
    assert recovery.examine(folder).state == "damaged"
    assert cli.main(["cases", "--data-dir", str(folder)]) == cli.EXIT_ERROR
    assert "restore --latest" in capsys.readouterr().err
    assert cli.main(["restore", "--latest", "--data-dir", str(folder)]) == 0
    assert Desk.open(folder).db.scalar("SELECT count(*) FROM cases") == 1


def test_restore_latest_folds_nothing_from_a_damaged_wal(desk, new_case, clock, capsys):
    new_case()
    backup.run_daily(desk.db, desk.folder, clock.now)
    new_case()
    folder = desk.folder
    wal = paths.database_path(folder).with_name(paths.DB_FILENAME + "-wal")
    data = bytearray(wal.read_bytes())
    desk.db.close()  # a crash: the WAL stays behind (closing without a checkpoint)
    wal.write_bytes(bytes(data[:32]) + os.urandom(len(data) - 32))
    assert cli.main(["restore", "--latest", "--data-dir", str(folder)]) == 0
    assert "已恢复" in capsys.readouterr().out

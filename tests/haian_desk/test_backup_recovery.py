"""A damaged database is noticed at start and the newest good backup put back in one action;
the backup and restore commands speak one clear line each."""

from __future__ import annotations

import os
import sqlite3

import pytest

from haian_desk.cli import main as cli
from haian_desk.core import paths
from haian_desk.desk import Desk
from haian_desk.storage import backup, recovery
from tests.haian_desk.test_backup_restore import smash_page


@pytest.fixture
def damaged(desk, new_case, clock):
    """A station with yesterday's daily backup whose database then lost a page."""
    new_case(description="昨天的事")
    backup.run_daily(desk.db, desk.folder, clock.now)
    clock.advance(days=1)
    new_case(description="今天的事")
    folder = desk.folder
    desk.close()
    smash_page(paths.database_path(folder), "cases")
    return folder


def test_a_healthy_and_a_missing_database(desk, tmp_path):
    assert recovery.examine(desk.folder).ok
    assert recovery.examine(tmp_path / "nothing-here").state == "missing"


def test_a_damaged_page_is_detected_and_the_newest_good_backup_restores_it(damaged, clock):
    health = recovery.examine(damaged)
    assert health.state == "damaged" and "损坏" in health.problem

    best = recovery.newest_good_backup(damaged)
    assert best is not None and best.cases == 1
    done = recovery.restore_newest(damaged, now=clock.now)

    assert recovery.examine(damaged).ok
    desk = Desk.open(damaged, wall=clock)
    assert desk.db.scalar("SELECT description FROM cases") == "昨天的事"
    desk.close()
    assert done.set_aside.exists()  # the damaged file is kept for whoever can rescue more


def test_a_damaged_backup_is_skipped_for_an_older_good_one(desk, new_case, clock):
    new_case()
    good = backup.run_daily(desk.db, desk.folder, clock.now)
    clock.advance(days=1)
    bad = backup.run_daily(desk.db, desk.folder, clock.now)
    os.utime(good, (1_700_000_000, 1_700_000_000))  # older on disk, as its name says
    smash_page(bad, "events")
    assert recovery.newest_good_backup(desk.folder).path == good


def test_no_backup_at_all_is_said_plainly(desk):
    with pytest.raises(recovery.RestoreRefused) as refused:
        recovery.restore_newest(desk.folder)
    assert "没有可用的备份" in str(refused.value)


def test_a_file_that_is_not_a_database_counts_as_damaged(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    paths.database_path(folder).write_bytes(b"\0" * 8192)
    assert recovery.examine(folder).state == "damaged"


def test_commands_on_a_damaged_database_say_so_in_one_line(damaged, capsys):
    code = cli.main(["cases", "--data-dir", str(damaged)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert "损坏" in err[0] and "restore --latest" in err[0]


def test_backup_then_restore_from_the_command_line(desk, new_case, tmp_path, capsys):
    new_case()
    folder = str(desk.folder)
    stick = tmp_path / "usb"
    desk.close()

    assert cli.main(["backup", "--data-dir", folder, "--out", f"{stick}{os.sep}"]) == 0
    made = next(stick.iterdir())
    assert made.name.startswith("海安代理工作台备份-320685102210-")
    assert str(made) in capsys.readouterr().out

    assert cli.main(["restore", "--data-dir", folder, str(made)]) == 0
    out = capsys.readouterr().out
    assert "已恢复" in out and "1 件办件" in out and "replaced" in out


@pytest.mark.parametrize(
    "args, says",
    [
        (["restore"], "--latest"),
        (["restore", "nowhere.sqlite3"], "找不到文件"),
        (["backup", "--out", "{existing}"], "已经存在"),
    ],
)
def test_command_errors_are_one_line_and_non_zero(desk, tmp_path, capsys, args, says):
    existing = tmp_path / "already.sqlite3"
    existing.write_bytes(b"x")
    folder = str(desk.folder)
    desk.close()
    code = cli.main([a.format(existing=existing) for a in args] + ["--data-dir", folder])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and says in err[0]
    assert existing.read_bytes() == b"x"


def test_a_backup_to_an_unwritable_place_is_a_clear_error(desk, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    folder = str(desk.folder)
    desk.close()
    code = cli.main(["backup", "--data-dir", folder, "--out", str(blocker / "b.sqlite3")])
    err = capsys.readouterr().err
    assert code == 2 and "无法写入" in err


def test_damage_words_are_told_apart_from_other_database_errors():
    assert recovery.is_damage(sqlite3.DatabaseError("database disk image is malformed"))
    assert recovery.is_damage(sqlite3.DatabaseError("file is not a database"))
    assert not recovery.is_damage(sqlite3.OperationalError("no such table: cases"))

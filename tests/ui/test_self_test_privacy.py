"""The self-test reads the database, its WAL and a fresh backup as bytes, and looks at this PC's station."""

from __future__ import annotations

from argparse import Namespace

from haian_desk.core import paths
from haian_desk.cases.operations import Intake, take_in
from haian_desk.storage import backup
from ui import self_test


def _steps(monkeypatch, *names):
    chosen = [(title, step) for title, step in self_test.STEPS if step.__name__ in names]
    monkeypatch.setattr(self_test, "STEPS", chosen)


def test_the_self_test_finds_nothing_readable_and_says_the_station_is_encrypted(desk, villager_id, cadre_id,
                                                                                clock, monkeypatch, capsys):
    take_in(desk, "admin", Intake(kind="opinion", villager_id=villager_id, description="反映道路破损",
                                  first_cadre_id=cadre_id))
    backup.run_daily(desk.db, desk.folder, clock.now)
    _steps(monkeypatch, "take_in_a_case", "nothing_readable", "this_station_is_encrypted")
    assert self_test.run(Namespace(keep=False), desk.folder) == 0
    out = capsys.readouterr().out
    assert "读不出姓名、身份证号和电话" in out and "1 份备份都已加密" in out


def test_a_plain_file_at_this_station_fails_the_self_test(desk, tmp_path, monkeypatch, capsys):
    folder = desk.folder
    desk.close()
    paths.backups_dir(folder).mkdir(exist_ok=True)
    plain = paths.backups_dir(folder) / "daily-20250101-100000.sqlite3"
    plain.write_bytes(b"SQLite format 3\x00" + b"\0" * 4080)
    _steps(monkeypatch, "this_station_is_encrypted")
    assert self_test.run(Namespace(keep=False), folder) == 1
    assert "还没有加密" in capsys.readouterr().out

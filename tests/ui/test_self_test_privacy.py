"""The self-test reads the database, its WAL and a fresh backup as bytes, and looks at this PC's station."""

from __future__ import annotations

from argparse import Namespace

from haian_desk.cases.operations import Intake, take_in
from haian_desk.core import paths
from haian_desk.storage import backup
from ui import self_test


def _steps(monkeypatch, *names):
    chosen = [(title, step) for title, step in self_test.STEPS if step.__name__ in names]
    monkeypatch.setattr(self_test, "STEPS", chosen)


def test_the_self_test_finds_nothing_readable_and_says_the_station_is_encrypted(
    desk, villager_id, cadre_id, clock, monkeypatch, capsys
):
    take_in(
        desk,
        "admin",
        Intake(kind="opinion", villager_id=villager_id, description="反映道路破损", first_cadre_id=cadre_id),
    )
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


def test_the_self_test_checks_the_log_and_a_crash_report_of_a_refused_registration(monkeypatch, capsys, tmp_path):
    _steps(monkeypatch, "take_in_a_case", "logs_and_crash_reports")
    assert self_test.run(Namespace(keep=False), tmp_path / "no-station") == 0
    assert "日志和错误报告里，姓名、身份证号和电话都已遮掩" in capsys.readouterr().out


def test_an_unmasked_log_fails_the_self_test(monkeypatch, capsys, tmp_path):
    """If masking ever broke, the step says so (the formatter replaced by a plain one)."""
    import logging

    from haian_desk.core import logs

    monkeypatch.setattr(logs, "RedactingFormatter", logging.Formatter)
    _steps(monkeypatch, "take_in_a_case", "logs_and_crash_reports")
    assert self_test.run(Namespace(keep=False), tmp_path / "no-station") == 1
    assert "能直接读出群众信息：日志" in capsys.readouterr().out


def test_a_number_in_clear_in_this_stations_log_fails_the_self_test(desk, monkeypatch, capsys):
    folder = desk.folder
    desk.close()
    (folder / "logs").mkdir(exist_ok=True)
    (folder / "logs" / "haian_desk.log").write_text(
        "2026-03-04 10:00:00,000 ERROR x: 11010519491231002X 13812345678\n"
        "2026-03-04 10:00:01,000 INFO y: event 01958a3c-1381-2345-6789-abcdef012345 batch 320685102210001\n",
        encoding="utf-8",
    )
    _steps(monkeypatch, "this_station_is_encrypted")
    assert self_test.run(Namespace(keep=False), folder) == 1
    assert "2 处未遮掩的身份证号或手机号" in capsys.readouterr().out


def test_plain_sync_keys_at_this_station_fail_the_self_test(desk, monkeypatch, capsys):
    from sync import keys as keymod

    made = keymod.load_or_create(desk.folder)
    for name, key in ((keymod.SIGNING_FILE, made.signing), (keymod.BOX_FILE, made.box)):
        keymod._write_private(keymod.key_folder(desk.folder) / name, key, None)  # as an older release left them
    folder = desk.folder
    desk.close()
    _steps(monkeypatch, "this_station_is_encrypted")
    assert self_test.run(Namespace(keep=False), folder) == 1
    assert "同步密钥文件还没有加密" in capsys.readouterr().out

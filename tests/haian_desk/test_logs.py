"""The log file: beside the chosen data folder, rotating, and holding every crash's traceback."""

from __future__ import annotations

import logging
import logging.handlers
import os
import subprocess
import sys

import pytest

from haian_desk.core import logs


@pytest.fixture
def restore_logging():
    """configure() changes the process's root logger: put it back after the test."""
    root = logging.getLogger()
    level, hook = root.level, sys.excepthook
    yield
    if logs._handler is not None:
        root.removeHandler(logs._handler)
        logs._handler.close()
        logs._handler = None
    root.setLevel(level)
    sys.excepthook = hook


def run(*args, env=None):
    clean = {k: v for k, v in os.environ.items() if k not in (logs.LOG_DIR_ENV, "HAIAN_DESK_HOME")}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env={**clean, **(env or {})}, timeout=120
    )


def test_each_command_run_is_logged_beside_the_chosen_data_folder(tmp_path):
    folder = tmp_path / "station"
    result = run(
        "-m",
        "haian_desk",
        "init",
        "--data-dir",
        str(folder),
        "--station-code",
        "320685102210",
        "--name",
        "双楼村代理站",
    )
    assert result.returncode == 0, result.stderr
    text = (folder / "logs" / logs.LOG_FILENAME).read_text(encoding="utf-8")
    assert "init" in text and str(folder) in text


def test_the_environment_variable_moves_the_log_with_the_data(tmp_path):
    folder = tmp_path / "by-env"
    run("-m", "haian_desk", "cases", env={"HAIAN_DESK_HOME": str(folder)})
    assert (folder / "logs" / logs.LOG_FILENAME).exists()


def test_without_a_chosen_folder_the_log_goes_to_the_user_log_folder(monkeypatch):
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    monkeypatch.delenv("HAIAN_DESK_HOME", raising=False)
    assert logs.log_dir(None).parts[-2:] in (("HaianDesk", "log"), ("HaianDesk", "Logs"), ("Logs", "HaianDesk"))


def test_a_crash_leaves_its_traceback_in_the_log(tmp_path):
    script = (
        "from pathlib import Path; from haian_desk.core import logs\n"
        f"logs.configure(Path(r'{tmp_path}'))\n"
        "def open_the_case():\n    raise RuntimeError('办件读取失败')\n"
        "open_the_case()\n"
    )
    result = run("-c", script)
    assert result.returncode == 1
    text = (tmp_path / logs.LOG_FILENAME).read_text(encoding="utf-8")
    assert "Traceback" in text and "open_the_case" in text and "办件读取失败" in text


def test_the_log_rotates_and_keeps_a_few_old_files(tmp_path, monkeypatch, restore_logging):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.configure(tmp_path)
    writer = logging.getLogger("haian_desk.test")
    for n in range(400):
        writer.info("第%d条：登记了一件办件", n)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert logs.LOG_FILENAME in names and f"{logs.LOG_FILENAME}.1" in names
    assert len(names) == 1 + logs.KEEP_FILES
    assert "第399条" in (tmp_path / logs.LOG_FILENAME).read_text(encoding="utf-8")


def test_configuring_twice_keeps_one_handler(tmp_path, restore_logging):
    logs.configure(tmp_path)
    logs.configure(tmp_path)
    mine = [h for h in logging.getLogger().handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(mine) == 1 and logs.current_file() == tmp_path / logs.LOG_FILENAME

"""The haian-desk command, run as a real process the way a clerk or a script runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from haian_desk import __version__
from haian_desk.storage import keys
from tests.haian_desk import dbfiles


def run(*args, env=None, check=False):
    result = subprocess.run(
        [sys.executable, "-m", "haian_desk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_version():
    result = run("--version", check=True)
    assert __version__ in result.stdout


def test_version_names_the_build(tmp_path, monkeypatch):
    """A bundle says which commit it was made from; a source tree asks git."""
    from haian_desk.core import build_info

    monkeypatch.setattr(build_info, "resource_path", lambda name: tmp_path / name)
    assert build_info.build_label().startswith(f"{__version__} (source ")
    build_info.write_build_file(tmp_path, "abc1234", "2026-12-04")
    assert build_info.build_label() == f"{__version__} (build abc1234, 2026-12-04)"
    (tmp_path / build_info.BUILD_FILE).write_text("not json", encoding="utf-8")
    assert build_info.build_label().startswith(f"{__version__} (source ")


def test_init_then_cases_on_an_empty_station(tmp_path):
    folder = tmp_path / "s"
    out = run("init", "--data-dir", str(folder), "--station-code", "320685102210", "--name", "双楼村代理站", check=True)
    assert "双楼村代理站" in out.stdout
    listed = run("cases", "--data-dir", str(folder), "--json", check=True)
    assert json.loads(listed.stdout) == []


def test_environment_variable_chooses_the_installation(tmp_path):
    folder = tmp_path / "by-env"
    run(
        "init",
        "--station-code",
        "320685102",
        "--name",
        "曲塘镇代理中心",
        "--role",
        "township",
        env={"HAIAN_DESK_HOME": str(folder)},
        check=True,
    )
    assert (folder / "haian_desk.sqlite3").exists()


@pytest.mark.parametrize(
    "args, says",
    [
        (["init", "--station-code", "12345", "--name", "x"], "单位代码"),
        (["init", "--station-code", "320685102210", "--name", "x", "--role", "township"], "代理中心"),
        (["cases"], "还没有建站"),
        (["check"], "还没有建站"),
    ],
)
def test_errors_are_one_clear_line_and_non_zero(tmp_path, args, says):
    result = run(*args, "--data-dir", str(tmp_path / "nothing"))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0]
    assert "Traceback" not in result.stderr


def test_bad_status_and_bad_numbers_are_refused(tmp_path):
    folder = tmp_path / "s"
    run("init", "--data-dir", str(folder), "--station-code", "320685102210", "--name", "站", check=True)
    bad = run("cases", "--data-dir", str(folder), "--status", "lost")
    assert bad.returncode != 0 and "lost" in bad.stderr
    bad = run("demo", "--data-dir", str(tmp_path / "d"), "--cases", "-3")
    assert bad.returncode != 0 and "正整数" in bad.stderr


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "station"
    run("demo", "--data-dir", str(folder), "--cases", "400", check=True)
    return folder


def test_demo_station_is_alive(demo_folder):
    rows = json.loads(run("cases", "--data-dir", str(demo_folder), "--json", "--limit", "1000", check=True).stdout)
    assert len(rows) == 400
    assert {"case_no", "kind", "status", "deadline", "villager"} <= set(rows[0])
    assert {r["kind"] for r in rows} == {"opinion", "errand", "claim"}
    statuses = {r["status"] for r in rows}
    assert statuses == {
        "awaiting_signature",
        "registered",
        "materials_missing",
        "in_progress",
        "transferred",
        "paused",
        "completed",
        "replied",
        "rated",
        "declined",
        "withdrawn",
    }
    for r in rows:
        assert r["deadline"] is None or r["deadline"].endswith("Z")
    with dbfiles.opened(demo_folder / "haian_desk.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM villagers").fetchone()[0] >= 50
        assert db.execute("SELECT count(*) FROM cadres").fetchone()[0] >= 10
        # every screen has something to show: 结对帮扶, 民意座谈, 举报 (and so 考核)
        assert db.execute("SELECT count(*) FROM pairings").fetchone()[0] >= 5
        assert db.execute("SELECT count(*) FROM support_visits").fetchone()[0] >= 10
        assert db.execute("SELECT count(*) FROM meetings").fetchone()[0] >= 3
        statuses = {r[0] for r in db.execute("SELECT status FROM complaints")}
        assert statuses == {"received", "investigating", "closed"}


def test_demo_has_due_soon_and_overdue_matters(demo_folder):
    overdue = json.loads(run("cases", "--data-dir", str(demo_folder), "--overdue", "--json", check=True).stdout)
    due_soon = json.loads(run("cases", "--data-dir", str(demo_folder), "--due-soon", "--json", check=True).stdout)
    assert overdue and due_soon
    assert not {r["case_no"] for r in overdue} & {r["case_no"] for r in due_soon}


def test_search_from_the_command_line(demo_folder):
    rows = json.loads(run("cases", "--data-dir", str(demo_folder), "--json", "--limit", "1", check=True).stdout)
    number = rows[0]["case_no"]
    found = json.loads(run("cases", "--data-dir", str(demo_folder), "--search", number, "--json", check=True).stdout)
    assert [r["case_no"] for r in found] == [number]


def test_check_passes_then_catches_tampering(tmp_path, demo_folder):
    assert run("check", "--data-dir", str(demo_folder), check=True).returncode == 0
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("haian_desk.sqlite3", keys.KEY_FILE):  # the file and what derives its key
        shutil.copyfile(demo_folder / name, copy / name)
    dbfiles.execute(
        copy / "haian_desk.sqlite3",
        "UPDATE cases SET deadline = '2000-01-01T00:00:00Z' WHERE id = (SELECT min(id) FROM cases)",
    )
    result = run("check", "--data-dir", str(copy))
    assert result.returncode == 1
    assert "deadline" in result.stdout and "2000-01-01" in result.stdout


@pytest.mark.slow
def test_ten_thousand_demo_cases_pass_the_check(tmp_path):
    folder = tmp_path / "big"
    run("demo", "--data-dir", str(folder), "--cases", "10000", check=True)
    result = run("check", "--data-dir", str(folder), check=True)
    assert "检查通过" in result.stdout
    assert dbfiles.scalar(folder / "haian_desk.sqlite3", "SELECT count(*) FROM cases") == 10000

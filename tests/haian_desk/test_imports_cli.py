"""`haian-desk import|export` as real processes, including a kill -9 in the middle of an import."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.haian_desk import import_files as F
from tests.haian_desk.test_cli import run

CODE = "320685102210"


@pytest.fixture
def station(tmp_path):
    """A station with real logins: its admin, a station head and a clerk (roles are enforced)."""
    from haian_desk.desk import Desk
    from haian_desk.people import users

    folder = tmp_path / "s"
    run(
        "init",
        "--data-dir",
        str(folder),
        "--station-code",
        CODE,
        "--name",
        "双楼村代理站",
        "--admin",
        "admin",
        env={"HAIAN_DESK_ADMIN_PASSWORD": "secret-pw"},
        check=True,
    )
    desk = Desk.open(folder)
    try:
        users.add_user(desk, "head", "仲站长", "station_head", "haian123", actor="admin")
        users.add_user(desk, "clerk", "季红梅", "station_staff", "haian123", actor="admin")
    finally:
        desk.close()
    return folder


def big_roster(path, count: int):
    from haian_desk.people.idnumber import check_character

    rows = [["姓名", "身份证号", "联系电话", "住址"]]
    for n in range(count):
        body = f"320685198{n % 10}0{1 + n % 9}1{n % 9}{n % 1000:03d}"[:17]
        rows.append(
            [
                f"张{'一二三四五六七八九十'[n % 10]}{'甲乙丙丁'[n // 10 % 4]}{n}".translate(_NO_DIGITS),
                body + check_character(body),
                f"138{n:08d}",
                f"双楼村{n % 12 + 1}组",
            ]
        )
    return F.xlsx(path, [("名册", rows)], title=None)


_NO_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


def test_import_dry_run_json_then_import_list_and_undo(station, tmp_path):
    path = F.xls(tmp_path / "花名册.xls", [("一组", F.roster_rows() + [["", "坏号", "", "110105194912310021"]])])
    dry = run("import", "villagers", str(path), "--data-dir", str(station), "--dry-run", "--json", check=True)
    report = json.loads(dry.stdout)
    assert {k: report[k] for k in ("added", "updated", "unchanged", "refused", "rows")} == {
        "added": 4,
        "updated": 0,
        "unchanged": 0,
        "refused": 1,
        "rows": 5,
    }
    assert report["refused_rows"] == [
        {
            "sheet": "一组",
            "row": 8,
            "verdict": "refused",
            "reason": "身份证号校验位不对，号码中有输错的数字（请对照身份证逐位核对）",
        }
    ]
    assert json.loads(run("import", "list", "--data-dir", str(station), "--json", check=True).stdout) == []

    done = json.loads(
        run("import", "villagers", str(path), "--data-dir", str(station), "--json", "--as", "head", check=True).stdout
    )
    assert done["added"] == 4 and done["import_id"]
    listed = run("import", "list", "--data-dir", str(station), check=True).stdout
    assert done["import_id"] in listed and "花名册.xls" in listed and "新增4" in listed and "head" in listed
    again = run("import", "villagers", str(path), "--data-dir", str(station), "--as", "admin", check=True).stdout
    assert "没有需要写入的内容" in again and "已存在不变 4" in again
    undone = run("import", "undo", done["import_id"], "--data-dir", str(station), "--as", "admin", check=True).stdout
    assert "撤回 4 条记录" in undone
    assert run("check", "--data-dir", str(station), check=True).returncode == 0
    # nothing personal reaches the log
    log = (station / "logs" / "haian_desk.log").read_text(encoding="utf-8")
    assert "张三" not in log and "11010519491231002X" not in log and "13812345678" not in log


def test_import_map_and_sheet_options(station, tmp_path):
    path = F.xlsx(
        tmp_path / "m.xlsx",
        [("其他", [["x"], [1]]), ("名单", [["户主", "手机号码"], ["张三", "13812345678"]])],
        title=None,
    )
    failed = run("import", "villagers", str(path), "--data-dir", str(station), "--as", "admin")
    assert failed.returncode == 2 and "找不到“姓名”列" in failed.stderr
    ok = run(
        "import",
        "villagers",
        str(path),
        "--sheet",
        "名单",
        "--map",
        "户主=name",
        "--data-dir",
        str(station),
        "--json",
        "--as",
        "admin",
        check=True,
    )
    assert json.loads(ok.stdout)["added"] == 1


def test_a_bad_file_is_one_clear_line(station, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("not a spreadsheet")
    failed = run("import", "cases", str(path), "--data-dir", str(station), "--as", "admin")
    errors = [line for line in failed.stderr.splitlines() if not line.strip()[:1].isdigit()]  # not progress
    assert failed.returncode == 2 and len(errors) == 1 and "不是表格文件" in errors[0]


@pytest.mark.parametrize(
    ("login", "said"),
    [
        (None, "错误：没有说明是谁在从表格导入或撤销导入（命令行请加 --actor 登录名（或 --as 登录名））"),
        ("nobody", "错误：“nobody”不是本站的账号"),
        ("clerk", "错误：代理站工作人员不能从表格导入或撤销导入（请站长、管理员办理）"),
    ],
)
def test_an_import_needs_a_login_that_may_import(station, tmp_path, login, said):
    path = F.xlsx(tmp_path / "r.xlsx", [("名册", F.roster_rows())])
    given = ["--as", login] if login else []
    failed = run("import", "villagers", str(path), "--data-dir", str(station), *given)
    assert failed.returncode == 2 and failed.stderr.strip().startswith(said), failed.stderr
    if login:  # told at once when only checking, too
        looked = run("import", "villagers", str(path), "--data-dir", str(station), "--dry-run", *given)
        assert looked.returncode == 2 and said in looked.stderr
    done = json.loads(
        run("import", "villagers", str(path), "--data-dir", str(station), "--json", "--as", "admin", check=True).stdout
    )
    refused = run("import", "undo", done["import_id"], "--data-dir", str(station), *given)
    assert refused.returncode == 2 and said in refused.stderr
    listed = json.loads(run("import", "list", "--data-dir", str(station), "--json", check=True).stdout)
    assert [r["undone_at"] for r in listed] == [None]  # nothing was undone


def test_export_command(station, tmp_path):
    path = F.xlsx(tmp_path / "r.xlsx", [("名册", F.roster_rows())])
    run("import", "villagers", str(path), "--data-dir", str(station), "--as", "admin", check=True)
    out = tmp_path / "导出.xlsx"
    said = run("export", "villagers", "--xlsx", str(out), "--data-dir", str(station), check=True).stdout
    assert "已导出 4 行" in said and out.exists()


def test_kill_9_during_an_import_leaves_the_database_as_it_was(station, tmp_path):
    path = big_roster(tmp_path / "big.xlsx", 3000)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "haian_desk",
            "import",
            "villagers",
            str(path),
            "--data-dir",
            str(station),
            "--as",
            "admin",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    killed_at = None
    for line in proc.stderr:
        done, _, total = line.strip().partition("/")
        # the second half of the progress is the writing, inside the import's transaction
        if total.isdigit() and int(done) > int(total) // 2 + 300:
            os.kill(proc.pid, signal.SIGKILL)
            killed_at = line.strip()
            break
    proc.wait(timeout=60)
    assert killed_at and proc.returncode == -signal.SIGKILL
    from haian_desk.desk import Desk

    desk = Desk.open(station)  # the station's file is encrypted: opened as the app opens it
    try:
        assert desk.db.scalar("SELECT count(*) FROM villagers") == 0
        assert desk.db.scalar("SELECT count(*) FROM imports") == 0
        assert desk.db.scalar("SELECT count(*) FROM events WHERE stream = 'villager'") == 0
    finally:
        desk.close()
    assert run("check", "--data-dir", str(station), check=True).returncode == 0
    finished = json.loads(
        run("import", "villagers", str(path), "--data-dir", str(station), "--json", "--as", "admin", check=True).stdout
    )
    assert finished["added"] == 3000 and finished["refused"] == 0

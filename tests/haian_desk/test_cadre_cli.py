"""``haian-desk cadres …`` and ``demo --station-code``, run as real processes."""

from __future__ import annotations

import json

from tests.haian_desk.test_cli import run

ENV = {"HAIAN_DESK_ADMIN_PASSWORD": "secret-pw"}


def _station(tmp_path):
    folder = str(tmp_path / "s")
    run(
        "init",
        "--data-dir",
        folder,
        "--station-code",
        "320685102210",
        "--name",
        "双楼村代理站",
        "--admin",
        "admin",
        env=ENV,
        check=True,
    )
    return folder


def test_a_fresh_station_builds_its_roster_from_the_command_line(tmp_path):
    folder = _station(tmp_path)
    assert "名录是空的" in run("cadres", "list", "--data-dir", folder, check=True).stdout
    added = json.loads(
        run(
            "cadres",
            "add",
            "--data-dir",
            folder,
            "--name",
            "仲维国",
            "--actor",
            "admin",
            "--phone",
            "１３９ ０６２７ １０００",
            "--role",
            "站长",
            "--area",
            "一组、二组",
            "--service-item",
            "民政救助",
            "--json",
            check=True,
        ).stdout
    )
    assert added["phone"] == "13906271000" and added["role"] == "head" and added["service_items"] == ["民政救助"]
    run(
        "cadres",
        "add",
        "--data-dir",
        folder,
        "--name",
        "季红梅",
        "--actor",
        "admin",
        "--phone",
        "0513-88881234",
        "--no-party",
        "--from",
        "2025-03-01",
        check=True,
    )
    edited = json.loads(
        run(
            "cadres", "edit", "季红梅", "--data-dir", folder, "--actor", "admin", "--area", "三组", "--json", check=True
        ).stdout
    )
    assert edited["area"] == "三组" and edited["party_member"] is False and edited["active_from"] == "2025-03-01"
    retired = json.loads(
        run(
            "cadres",
            "retire",
            edited["id"],
            "--data-dir",
            folder,
            "--actor",
            "admin",
            "--reason",
            "调任",
            "--json",
            check=True,
        ).stdout
    )
    assert retired["active"] is False and retired["retired_reason"] == "调任"
    listed = json.loads(run("cadres", "list", "--data-dir", folder, "--json", check=True).stdout)
    assert [c["name"] for c in listed] == ["仲维国"]
    everyone = run("cadres", "list", "--all", "--data-dir", folder, check=True).stdout
    assert "季红梅" in everyone and "已离任" in everyone
    assert run("check", "--data-dir", folder).returncode == 0
    nobody = run("cadres", "add", "--data-dir", folder, "--name", "王五", "--phone", "13906271002")
    assert nobody.returncode != 0 and "--actor" in nobody.stderr  # who made the change must be said


def test_bad_input_gets_one_clear_chinese_line(tmp_path):
    folder = _station(tmp_path)
    for args, words in (
        (("add", "--name", "甲", "--phone", "123"), "手机号应为11位"),
        (("add", "--name", "甲", "--phone", "13906271000", "--role", "书记"), "没有“书记”这种角色"),
        (("edit", "谁", "--area", "一组"), "名录里没有“谁”"),
        (("retire", "谁"), "名录里没有“谁”"),
    ):
        result = run("cadres", *args, "--data-dir", folder)
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_demo_stations_can_have_their_own_codes(tmp_path):
    folder = str(tmp_path / "d")
    run(
        "demo",
        "--data-dir",
        folder,
        "--cases",
        "20",
        "--station-code",
        "320685102211",
        "--name",
        "曲塘镇杨庄村代理站",
        check=True,
    )
    listed = json.loads(run("cadres", "list", "--data-dir", folder, "--json", check=True).stdout)
    assert listed[0]["role"] == "head" and all(c["unit_code"] == "320685102211" for c in listed)
    cases = json.loads(run("cases", "--data-dir", folder, "--json", check=True).stdout)
    assert cases and all(c["case_no"].startswith("102211-") for c in cases)

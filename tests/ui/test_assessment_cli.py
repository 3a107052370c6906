"""``haian-desk report``: JSON, Excel and text, run as the installed command on a demo station."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime

import pytest
from openpyxl import load_workbook

from haian_desk.assessment.fields import FIELDS
from haian_desk.cli.demo import make_demo
from haian_desk.core.timeutil import UTC

NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    make_demo(folder, cases=120, seed=7, now=NOW).close()
    return folder


def report(folder, *args: str, display: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "haian_desk", "report", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_json_rows_carry_the_figures_and_stations_add_up_to_their_township(station):
    done = report(station, "--period", "2026", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["period"] == "2026" and (out["from"], out["to"]) == ("2026-01-01", "2026-12-31")
    for level in ("cadre", "station", "township"):
        for row in out[level]:
            assert {
                "code",
                "name",
                "registered",
                "completed",
                "on_time_rate",
                "satisfaction_rate",
                "bad_reviews",
            } <= set(row)
            for rate in ("on_time_rate", "satisfaction_rate"):
                assert row[rate] is None or 0 <= row[rate] <= 1
    township = out["township"][0]
    assert township["registered"] == 120 and township["name"] == "曲塘镇"
    stations = [r for r in out["station"] if r["code"].startswith(township["code"])]
    for key in ("registered", "completed", "on_time", "timed_completed", "bad_reviews", "ratings"):
        assert township[key] == sum(r[key] for r in stations)
    assert sum(r["registered"] for r in out["cadre"]) == 120


def test_one_level_only_and_an_empty_period_gives_nulls(station):
    done = report(station, "--period", "2024H1", "--level", "station", "--json")
    out = json.loads(done.stdout)
    assert set(out) >= {"period", "station"} and "cadre" not in out
    assert out["station"][0]["registered"] == 0 and out["station"][0]["on_time_rate"] is None


def test_a_bad_period_is_one_clear_line(station):
    done = report(station, "--period", "2026H3", "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().startswith("错误：看不懂考核期“2026H3”")


def test_text_table_names_the_station(station):
    done = report(station, "--period", "2026H2", "--level", "station")
    assert done.returncode == 0
    assert "曲塘镇双楼村代理站" in done.stdout and "按时办结率" in done.stdout


def test_excel_has_a_sheet_per_level_with_chinese_headers_frozen_and_readable(station, tmp_path):
    out = tmp_path / "考核.xlsx"
    done = report(station, "--period", "2026", "--xlsx", str(out))
    assert done.returncode == 0, done.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["代理员", "代理站", "镇(街道)", "县(市)", "说明"]
    sheet = book["代理站"]
    headers = [c.value for c in sheet[1]]
    assert headers == [f.header for f in FIELDS]
    assert sheet.freeze_panes == "C2"
    assert sheet.column_dimensions["B"].width >= 20
    values = dict(zip(headers, [c.value for c in sheet[2]], strict=True))
    figures = json.loads(report(station, "--period", "2026", "--level", "station", "--json").stdout)["station"][0]
    assert values["名称"] == "曲塘镇双楼村代理站" and values["登记件数"] == figures["registered"]
    assert values["按时办结率"] == figures["on_time_rate"]
    assert sheet.cell(2, headers.index("按时办结率") + 1).number_format == "0.0%"
    assert [c.value for c in book["代理员"][1]][:3] == ["代码", "名称", "所在单位"]
    assert book["代理员"]["C2"].value == "曲塘镇双楼村代理站"  # the station's name, not its code
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"
    assert sheet["B2"].font.name == "宋体"
    assert book["说明"]["B1"].value.startswith("2026年")


def test_excel_into_a_missing_folder_is_refused_plainly(station, tmp_path):
    done = report(station, "--period", "2026", "--xlsx", str(tmp_path / "nope" / "a.xlsx"))
    assert done.returncode == 2 and "不存在" in done.stderr

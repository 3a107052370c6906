"""``haian-desk print`` and ``haian-desk board`` run as real processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from haian_desk.cases import operations, queries

MM_TO_PT = 72 / 25.4


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "haian_desk", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )


@pytest.fixture
def case(desk, villager_id, cadre_id):
    return operations.take_in(
        desk,
        "admin",
        operations.Intake(
            kind="opinion", villager_id=villager_id, description="反映3组路灯不亮", first_cadre_id=cadre_id
        ),
    )


def test_print_a_receipt_to_pdf_on_a_thermal_roll(desk, case, tmp_path):
    out = tmp_path / "回执.pdf"
    result = run(
        "print",
        case.case_no,
        "--doc",
        "receipt",
        "--paper",
        "58mm",
        "--pdf",
        str(out),
        "--as",
        "clerk",
        "--data-dir",
        str(desk.folder),
    )
    assert result.returncode == 0, result.stderr
    assert "受理回执" in result.stdout and str(out) in result.stdout
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) == pytest.approx(58 * MM_TO_PT, abs=1.5)
    assert case.case_no in re.sub(r"\s", "", page.extract_text())
    printed = [e for e in queries.timeline(desk, case.case_id) if e.type == "printed"]
    assert [(e.actor, e.payload["copy"], e.payload["medium"]) for e in printed] == [("clerk", 1, "pdf")]


@pytest.mark.parametrize(
    "args, message",
    [
        (["print", "{case}", "--as", "nobody", "--pdf", "{out}"], "错误：“nobody”不是本站的账号"),
        (
            ["print", "999999-000000-001", "--as", "clerk", "--pdf", "{out}"],
            "错误：没有编号为 999999-000000-001 的办件",
        ),
        (["print", "{case}", "--paper", "letter", "--as", "clerk", "--pdf", "{out}"], "错误：没有“letter”这种纸张"),
        (["print", "{case}", "--doc", "invoice", "--as", "clerk", "--pdf", "{out}"], "错误：没有“invoice”这种文书"),
        (["print", "{case}", "--doc", "completion", "--as", "clerk", "--pdf", "{out}"], "错误：这件办件还没有办结"),
        (["board", "--paper", "a5", "--pdf", "{out}"], "错误：没有“a5”这种纸张（可选：a4、a3）"),
    ],
)
def test_mistakes_are_one_clear_line(desk, case, tmp_path, args, message):
    args = [a.format(case=case.case_no, out=tmp_path / "x.pdf") for a in args]
    result = run(*args, "--data-dir", str(desk.folder))
    assert result.returncode == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_board_on_a3(desk, cadre_id, tmp_path):
    out = tmp_path / "board.pdf"
    result = run("board", "--paper", "a3", "--pdf", str(out), "--data-dir", str(desk.folder))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.height) == pytest.approx(420 * MM_TO_PT, abs=1.5)
    assert "仲维国" in reader.pages[0].extract_text()

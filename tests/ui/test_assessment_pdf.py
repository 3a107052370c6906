"""The PDF report: made from the real figures, text extractable, charts and tables present."""

from __future__ import annotations

import os
import subprocess
import sys

from pypdf import PdfReader

from haian_desk.assessment import build, parse_period
from ui.assessment.pdf import write_pdf


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_pdf_report_has_key_figures_charts_and_every_level(demo_desk, tmp_path):
    report = build(demo_desk, parse_period("2026H2"))
    path = write_pdf(report, tmp_path / "考核报告.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    text = text_of(path)
    assert "曲塘镇双楼村代理站" in text and "2026年下半年考核报告" in text.replace(" ", "")
    for words in ("月度办件量", "各代理站按时办结率", "评价分布", "信访件数与上年同期", "代理员", "县（市）"):
        assert words in text
    total = report.total()
    assert f"{total['on_time_rate'] * 100:.1f}%" in text
    cadre = report.rows["cadre"][0]
    assert cadre["name"] in text
    assert reader.metadata.title.startswith("曲塘镇双楼村代理站")


def test_one_level_only(demo_desk, tmp_path):
    report = build(demo_desk, parse_period("2026"))
    reader = PdfReader(write_pdf(report, tmp_path / "r.pdf", ("station",)))
    tables = "".join("".join(page.extract_text().split()) for page in reader.pages[1:])
    assert "代理站2026年" in tables
    assert "代理员" not in tables and "镇（街道）" not in tables


def test_cli_makes_the_pdf_without_a_display(demo_desk, tmp_path):
    out = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "haian_desk",
            "report",
            "--data-dir",
            str(demo_desk.folder),
            "--period",
            "2026",
            "--pdf",
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"period": "2026"' in done.stdout
    assert "海安市" in text_of(out)

"""Receipts printed around a holiday carry the date the working calendar gives (PDFs read back),
and a year whose schedule is not out yet is said so in the fine print."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from haian_desk import documents
from haian_desk.calendar import files, operations as working_calendar
from haian_desk.cases import operations
from haian_desk.core.timeutil import CST
from haian_desk.desk import initialise
from haian_desk.people import cadres, villagers
from ui.printing import papers, render

STATION = "320685102210"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


class Counter:
    def __init__(self, folder: Path):
        self.now = at("2026-09-30 16:00")
        self.desk = initialise(
            folder, STATION, "曲塘镇双楼村代理站", "station", admin=("admin", "secret-pw"), wall=lambda: self.now
        )
        self.cadre = cadres.add(
            self.desk, "admin", cadres.CadreInput(name="钱赟", phone="13906271000", unit_code=STATION)
        )
        self.villager = villagers.register(
            self.desk, "admin", villagers.VillagerInput(name="欧阳娜娜", phone="13812345678")
        )

    def take(self, when: str, **fields) -> str:
        self.now = at(when)
        return operations.take_in(
            self.desk,
            "admin",
            operations.Intake(
                kind=fields.pop("kind", "opinion"),
                villager_id=self.villager,
                description="反映3组路灯不亮",
                first_cadre_id=self.cadre,
                **fields,
            ),
        ).case_id


@pytest.fixture
def counter(tmp_path, qapp):
    made = Counter(tmp_path / "station")
    yield made
    made.desk.close()


def pdf_text(path: Path) -> str:
    return re.sub(r"\s", "", "".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.parametrize("paper", ["a4", "80mm", "58mm"])
def test_receipt_before_national_day_promises_the_day_after_it(counter, tmp_path, paper):
    case_id = counter.take("2026-09-30 16:00")
    path = tmp_path / "receipt.pdf"
    render.write_pdf(documents.build(counter.desk, case_id, "receipt"), papers.PAPERS[paper], path)
    text = pdf_text(path)
    assert "48小时（只计工作日），2026年10月9日（星期五）16:00前办结" in text
    assert "2026年10月2日" not in text  # the old clock-hours promise, inside the holiday
    assert "周末和法定节假日不计，调休上班的日子照常计算" in text


def test_receipt_in_working_days_across_the_spring_festival(counter, tmp_path):
    case_id = counter.take("2026-02-13 10:00", kind="errand", catalogue_code="MZ-001")
    path = tmp_path / "receipt.pdf"
    render.write_pdf(documents.build(counter.desk, case_id, "receipt"), papers.PAPERS["a4"], path)
    # 02-14 (Saturday, worked) is day 1; 02-15..23 off; 02-28 (Saturday) worked: the 25th is Thursday 26 March.
    assert "25个工作日，2026年3月26日（星期四）10:00前办结" in pdf_text(path)


def test_receipt_into_an_unpublished_year_says_so_and_the_reprint_has_the_new_date(counter, tmp_path):
    case_id = counter.take("2026-12-31 10:00")
    first = tmp_path / "first.pdf"
    render.write_pdf(documents.build(counter.desk, case_id, "receipt"), papers.PAPERS["80mm"], first)
    text = pdf_text(first)
    assert "2027年1月4日（星期一）10:00前办结" in text
    assert "2027年的放假安排尚未公布，时限暂只按周末计算" in text

    schedule = tmp_path / "2027.csv"
    schedule.write_text("2027-01-01~2027-01-03,放假,元旦\n", encoding="utf-8")
    working_calendar.publish(counter.desk, "admin", files.read(schedule, today=at("2026-12-31 11:00").date()))
    again = tmp_path / "again.pdf"
    render.write_pdf(documents.build(counter.desk, case_id, "receipt"), papers.PAPERS["80mm"], again)
    text = pdf_text(again)
    assert "2027年1月5日（星期二）10:00前办结" in text
    assert "尚未公布" not in text

"""The assessment as an Excel workbook: one sheet per level, Chinese headers, frozen header
row and name columns, widths that fit, rates as percentages; a last sheet says what the
figures are and where they are defined."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from haian_desk.assessment.fields import HOURS, LEVELS, RATE, fields_for
from haian_desk.assessment.report import Report
from haian_desk.timeutil import show

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
HEADER_FONT = Font(bold=True)
FORMATS = {RATE: "0.0%", HOURS: "0.0"}
NOTES = [
    "每项指标的统计口径见 docs/assessment.md（考核指标说明）。",
    "考核期按北京时间的日期计算，起止两日都包括在内。",
    "数字按考核期结束时的记录统计；考核期未结束的，按制表时统计。",
    "按时办结率 = 按时办结 ÷ 计时办结件数（即办件不计时）；满意率 = 基本满意及以上 ÷ 评价件数。",
    "比率为空表示该期间没有可计算的件数。",
    "镇（街道）的各项件数等于其下各代理站之和（服务群众人数按人去重，除外）。",
]


def write_workbook(report: Report, path: Path | str, levels: tuple[str, ...] = tuple(LEVELS)) -> Path:
    book = Workbook()
    book.remove(book.active)
    for level in levels:
        _level_sheet(book, report, level)
    _notes_sheet(book, report)
    path = Path(path)
    book.save(path)
    return path


def _level_sheet(book: Workbook, report: Report, level: str) -> None:
    sheet = book.create_sheet(LEVELS[level].replace("（", "(").replace("）", ")"))
    columns = fields_for(level)
    sheet.append([f.header for f in columns])
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in report.rows[level]:
        sheet.append([row.get(f.key) for f in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.form in FORMATS:
            for cell in sheet[letter][1:]:
                cell.number_format = FORMATS[column.form]
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "C2"   # the header row and the code and name columns stay in view


def _notes_sheet(book: Workbook, report: Report) -> None:
    sheet = book.create_sheet("说明")
    sheet.append(["考核期", f"{report.period.title}（{report.period.first_day} 至 {report.period.last_day}）"])
    sheet.append(["制表单位", report.unit_name])
    sheet.append(["统计截至", show(report.as_of)])
    sheet.append([])
    for line in NOTES:
        sheet.append(["", line])
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 90
    for cell in sheet["A"]:
        cell.font = HEADER_FONT

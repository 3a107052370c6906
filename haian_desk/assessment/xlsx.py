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
from haian_desk.core.timeutil import show

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
# SimSun (宋体) is on every Chinese Windows; other programs substitute their own CJK font.
BODY_FONT = Font(name="宋体", size=11)
HEADER_FONT = Font(name="宋体", size=11, bold=True)
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
    unit_names = {r["code"]: r["name"] for r in report.rows["station"]}
    for row in report.rows[level]:
        values = [row.get(f.key) for f in columns]
        if level == "cadre":  # people read the station's name; its code is in the station sheet
            values[2] = unit_names.get(row["unit_code"], row["unit_code"])
        sheet.append(values)
    _style(sheet, columns, level)


def _style(sheet, columns, level: str) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            cell.font = HEADER_FONT if cell.row == 1 else BODY_FONT
    for cell in sheet[1]:
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        wide = {"code": 38 if level == "cadre" else 14, "unit_code": 24}
        sheet.column_dimensions[letter].width = wide.get(column.key, column.width)
        if column.form in FORMATS:
            for cell in sheet[letter][1:]:
                cell.number_format = FORMATS[column.form]
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "C2"  # the header row and the code and name columns stay in view
    _print_setup(sheet, scale=75)
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:B"


def _print_setup(sheet, scale: int) -> None:
    """Landscape A4 at ``scale`` %: wide sheets print across pages, the titles repeated on each."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.scale = scale


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
    for cell in sheet["B"]:
        cell.font = BODY_FONT
    _print_setup(sheet, scale=100)

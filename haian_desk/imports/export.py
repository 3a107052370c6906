"""Writing the registry and the case ledger out as .xlsx, in the columns an import reads.

The file holds names, ID numbers and phones in clear: it is made only when a
person asks for it, to a place they choose, and nothing about its content is
logged. Reading it back (here or at another station) gives the same records:
ID numbers and phones are written as text (so Excel never turns them into
3.20621E+17), times to the minute in Beijing time, and 办理结果 as
"label：note" so the result and its note both come back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from haian_desk.cases.vocabulary import KINDS, RATINGS, RESULTS
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import show

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)

VILLAGER_COLUMNS = ("姓名", "身份证号", "联系电话", "性别", "住址", "户号", "备注")
CASE_COLUMNS = (
    "办件编号",
    "登记日期",
    "类型",
    "事项",
    "内容",
    "姓名",
    "身份证号",
    "联系电话",
    "经办人",
    "办理结果",
    "办结日期",
    "群众评价",
    "评价原因",
)
TEXT_COLUMNS = {"身份证号", "联系电话", "户号", "办件编号"}
RESULT_SEPARATOR = "："


def result_text(result: str | None, note: str | None) -> str:
    if not result:
        return ""
    return RESULTS.get(result, result) + (RESULT_SEPARATOR + note if note else "")


def villager_rows(desk: Desk):
    for r in desk.db.query("SELECT * FROM villagers WHERE active = 1 ORDER BY pinyin, name, id"):
        yield (r["name"], r["id_number"], r["phone"], r["gender"], r["address"], r["household_no"], r["note"])


def case_rows(desk: Desk):
    sql = (
        "SELECT c.*, v.name AS v_name, v.id_number AS v_id, v.phone AS v_phone, k.name AS handler "
        "FROM cases c JOIN villagers v ON v.id = c.villager_id "
        "LEFT JOIN cadres k ON k.id = c.responsible_cadre_id "
        "WHERE c.status != 'voided' ORDER BY c.registered_at, c.case_no"
    )
    for c in desk.db.query(sql):
        yield (
            c["case_no"],
            show(c["registered_at"]),
            KINDS.get(c["kind"], c["kind"]),
            c["matter_name"],
            c["description"],
            c["v_name"],
            c["v_id"],
            c["v_phone"],
            c["handler"],
            result_text(c["result"], c["result_note"]),
            show(c["completed_at"]),
            RATINGS.get(c["rating"], "") if c["rating"] else "",
            c["rating_reason"],
        )


EXPORTS = {
    "villagers": ("群众花名册", VILLAGER_COLUMNS, villager_rows),
    "cases": ("代理登记台账", CASE_COLUMNS, case_rows),
}


def export(desk: Desk, kind: str, target: Path | str) -> int:
    """Write the file; returns how many rows it holds."""
    if kind not in EXPORTS:
        raise HaianError("不能导出“{kind}”", "可以导出：villagers（群众）、cases（台账）", params={"kind": kind})
    target = Path(target)
    if target.exists():
        raise HaianError("{target} 已经存在，没有覆盖", "请换一个文件名", params={"target": target})
    if target.suffix.lower() != ".xlsx":
        raise HaianError("导出文件应以 .xlsx 结尾：{name}", "例如：名册.xlsx", params={"name": target.name})
    title, columns, rows = EXPORTS[kind]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    bold = Font(bold=True)
    sheet.append([_cell(sheet, name, bold) for name in columns])
    text_at = [name in TEXT_COLUMNS for name in columns]
    count = 0
    for row in rows(desk):
        sheet.append([_cell(sheet, v, text=t) for v, t in zip(row, text_at, strict=False)])
        count += 1
    try:
        book.save(target)
    except OSError as error:
        raise HaianError(
            "无法写入 {target}（{value}）",
            "请换一个位置或文件名",
            params={"target": target, "value": error.strerror or error},
        ) from None
    log.info("exported %s rows of %s", count, kind)
    return count


def _cell(sheet, value, font=None, text=False):
    cell = WriteOnlyCell(sheet, value="" if value is None else value)
    if font:
        cell.font = font
    if text:
        cell.number_format = "@"
    return cell

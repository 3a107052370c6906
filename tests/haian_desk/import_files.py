"""Spreadsheets as villages really keep them, written by the tests with real writers.

openpyxl writes .xlsx, xlwt the old .xls that WPS saves, odfpy .ods; CSVs are
written in GBK, UTF-8 and UTF-8 with a BOM. Each helper takes a list of sheets
(name, rows) and lays out a title row merged above a header, like the real ones.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

ROSTER_HEADER = ["序号", "姓名", "性别", "公民身份号码", "与户主关系", "户号", "联系电话", "家庭住址", "备注"]


def xlsx(
    path: Path, sheets: list[tuple[str, list[list]]], title: str | None = "双楼村村民花名册", merges: list[str] = ()
) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        ws = book.create_sheet(name)
        if title:
            ws.append([title])
            width = max(len(r) for r in rows)
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        for row in rows:
            ws.append(row)
        for ref in merges:
            ws.merge_cells(ref)
    book.save(path)
    return path


def xls(path: Path, sheets: list[tuple[str, list[list]]], title: str | None = "双楼村村民花名册") -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    as_date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows in sheets:
        ws = book.add_sheet(name)
        offset = 0
        if title:
            ws.write_merge(0, 0, 0, max(len(r) for r in rows) - 1, title)
            offset = 1
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, (date, datetime)):
                    ws.write(r + offset, c, value, as_date)
                else:
                    ws.write(r + offset, c, value)
    book.save(str(path))
    return path


def ods(path: Path, sheets: list[tuple[str, list[list]]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets:
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text="" if value is None else str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def csv_file(path: Path, rows: list[list], encoding: str = "gbk", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def roster_rows() -> list[list]:
    """A small household roster: good rows of every shape the issue names."""
    return [
        ROSTER_HEADER,
        [1, "张三", "女", "11010519491231002X", "户主", "0001", "138 1234 5678", "双楼村3组", ""],
        [2, "王  䶮", "男", "440524188001010014", "子", "0001", "+86 139-0627-1001", "双楼村3组", ""],
        [3, "阿依古丽・买买提", "", "", "", "0002", "0513-88881234", "双楼村4组", "外来务工"],
        [4, "𠮷田", "", "", "", "0003", "88881235", "", ""],
        ["合计", "", "", "", "", "", "", "", ""],
    ]

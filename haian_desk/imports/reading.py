"""Turning a file into sheets of cell values, whatever made it.

.xlsx, .xls (the old BIFF files WPS still saves by default) and .ods are read
by python-calamine; .csv/.txt are decoded by trying UTF-8 (with or without a
BOM) and then GB18030, which contains GBK, so nobody is asked which encoding
their file is in. Merged cells are filled in: a 户号 or 住址 merged down a
household's rows belongs to every member, a header merged across two columns
names both. Every problem with the file as a whole is one ``ImportFileError``.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from haian_desk.core.errors import HaianError

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_TABLES = (".csv", ".txt", ".tsv")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An Office file saved with a password is an OLE container holding this stream.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


class ImportFileError(HaianError):
    """The file as a whole cannot be read (not a table, locked, empty …)."""


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]  # cell values: str, float, int, bool, date, datetime or None

    @property
    def is_empty(self) -> bool:
        return not any(_filled(v) for row in self.rows for v in row)


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_sheets(path: Path | str) -> list[Sheet]:
    """Every non-empty sheet of the file, in order; raises ImportFileError."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError("找不到文件 {name}", "请重新选择文件", params={"name": path.name})
    head = path.open("rb").read(1 << 16)
    if not head:
        raise ImportFileError("{name} 是空文件", "请确认选对了文件，文件里要有表头和数据", params={"name": path.name})
    if head.startswith(_OLE_MAGIC) and _ENCRYPTED_STREAM in path.read_bytes():
        raise _password_error(path)
    suffix = path.suffix.lower()
    sheets = [_read_text_table(path)] if suffix in TEXT_TABLES else _read_workbook(path)
    sheets = [s for s in sheets if not s.is_empty]
    if not sheets:
        raise ImportFileError("{name} 里没有数据", "请确认选对了文件，文件里要有表头和数据", params={"name": path.name})
    return sheets


def _password_error(path: Path) -> ImportFileError:
    return ImportFileError(
        "{name} 设了打开密码，无法读取",
        "请在 Excel 或 WPS 中打开它，去掉密码后另存一份再导入",
        params={"name": path.name},
    )


def _not_a_table(path: Path) -> ImportFileError:
    return ImportFileError(
        "{name} 不是表格文件", "请选择 Excel/WPS 表格（.xls、.xlsx）、.ods 或 .csv 文件", params={"name": path.name}
    )


def _read_workbook(path: Path) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = [_sheet(book.get_sheet_by_name(name)) for name in book.sheet_names]
    except PasswordError:
        raise _password_error(path) from None
    except Exception as error:  # noqa: BLE001 - calamine raises several kinds for a file that is not a workbook
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise _password_error(path) from None
        raise _not_a_table(path) from None
    return sheets


def _sheet(sheet) -> Sheet:
    rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
    _fill_merged(rows, sheet.merged_cell_ranges or [])
    return Sheet(sheet.name, rows)


def _fill_merged(rows: list[list[object]], ranges) -> None:
    """Copy each merged range's value into every cell it covers."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                if not _filled(row[c]):
                    row[c] = value


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def decode(data: bytes) -> str:
    """Text of a CSV as Excel, WPS or Notepad saved it: UTF-8 (BOM or not) or GBK/GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportFileError(
            "文件的文字编码无法识别", "请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后再导入"
        ) from None


def _read_text_table(path: Path) -> Sheet:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _not_a_table(path)
    text = decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;，")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if text.count("\t") > text.count(",") else ","
    rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return Sheet(path.stem, rows)

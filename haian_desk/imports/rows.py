"""One data row of a sheet: its cells by field, and the rows that are not data.

Below the header come blank lines, a group heading ("三组") standing alone on
its row, the header repeated at the top of a printed page, and at the bottom a
totals row (合计) and the signatures (制表人/审核人). Only data rows are checked;
a group heading sets the group of the rows under it when the file has no 组别
column, as does a sheet named after a group.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from haian_desk.core.errors import ValidationError
from haian_desk.imports.cells import text
from haian_desk.imports.columns import FIELD_LABELS, Layout, clean_header
from haian_desk.imports.reading import Sheet

_TOTALS = re.compile(r"^(合\s*计|总\s*计|小\s*计|共\s*计|累\s*计|总数|人数合计)")
_FOOTER = re.compile(r"^(制表|填表|审核|负责人|统计人|说明|注[:：]|备注[:：]|单位负责人|日期[:：])")
_GROUP = re.compile(r"^(第?[一二三四五六七八九十百零〇\d]+\s*(组|村民小组)|.{1,10}村民小组|.{1,6}组)$")


@dataclass
class RowCells:
    sheet: str
    row_no: int  # as Excel shows it (1-based)
    values: dict[str, object]  # field → raw cell value
    headers: dict[str, str]  # field → the header as written in the file
    group: str = ""  # from a group heading row or the sheet's name

    def raw(self, name: str) -> object:
        return self.values.get(name)

    def text(self, name: str) -> str:
        return text(self.values.get(name))

    def header(self, name: str) -> str:
        return self.headers.get(name) or FIELD_LABELS.get(name, name)

    def has(self, name: str) -> bool:
        return name in self.values


def data_rows(sheet: Sheet, layout: Layout) -> Iterator[RowCells]:
    headers = {f: h for f, h in zip(layout.fields, layout.headers, strict=True) if f}
    header_line = [clean_header(v) for v in sheet.rows[layout.header_row]]
    first_header = next((h for h in header_line if h), "")
    group = sheet.name if _GROUP.match(sheet.name.strip()) else ""
    for index in range(layout.data_start, len(sheet.rows)):
        row = sheet.rows[index]
        filled = [t for t in map(text, row) if t]
        if not filled or (clean_header(filled[0]) == first_header and [clean_header(v) for v in row] == header_line):
            continue  # blank, or the header repeated at the top of a printed page
        if _TOTALS.match(filled[0]) or _FOOTER.match(filled[0]):
            continue
        if len(filled) == 1 and _GROUP.match(filled[0]):
            group = filled[0]
            continue
        values = {f: row[i] for i, f in enumerate(layout.fields) if f and i < len(row)}
        yield RowCells(sheet.name, index + 1, values, headers, group)


# --- names ---------------------------------------------------------------------------------

_DOT_LOOKALIKES = "・･•‧∙⋅●.．｡。"


def person_name(raw: object, what: str = "姓名") -> str:
    """A person's name as written: spaces dropped, the · of minority names made one character.

    Any CJK ideograph is a name character, rare ones included (䶮 堃 喆 赟 犇, and
    𠮷 outside the BMP); digits, letters and punctuation are not, so "张三(已故)"
    or a number in the name column is refused rather than stored.
    """
    name = "".join(unicodedata.normalize("NFKC", text(raw)).split())
    for dot in _DOT_LOOKALIKES:
        name = name.replace(dot, "·")
    if not name:
        raise ValidationError("{what}是空的", "请填写姓名", field="name", params={"what": what})
    odd = [ch for ch in name if not _name_character(ch)]
    if odd:
        raise ValidationError(
            "{what}“{name}”中有“{items}”，不像是人名",
            "请只填写姓名，说明写到备注里",
            field="name",
            params={"what": what, "name": name, "items": "".join(dict.fromkeys(odd))},
        )
    if name.startswith("·") or name.endswith("·") or "··" in name:
        raise ValidationError(
            "{what}“{name}”中的“·”位置不对",
            "少数民族姓名写成 阿依古丽·买买提 这样",
            field="name",
            params={"what": what, "name": name},
        )
    return name


def _name_character(ch: str) -> bool:
    if ch in "·〇":
        return True
    try:
        return unicodedata.name(ch).startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))
    except ValueError:
        return False

"""Finding the header row and mapping Chinese headers to fields.

Each kind of import lists, per field, the headers villages actually write.
The header row is the one (among the first rows, under any title rows) that
names the most fields; when the row under it names fields too (a two-level
header, merged cells above), the two are read together. A user can correct
any mapping: ``parse_overrides("姓名=name,手机=phone")``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from haian_desk.imports.cells import text
from haian_desk.imports.reading import ImportFileError, Sheet

IGNORE = ""  # a column mapped to nothing

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "villagers": {
        "name": ("姓名", "户主姓名", "成员姓名", "村民姓名", "名字"),
        "id_number": ("身份证号", "公民身份号码", "身份证号码", "身份证", "证件号码", "身份号码"),
        "phone": ("联系电话", "手机", "手机号", "手机号码", "电话", "联系方式", "电话号码"),
        "address": ("住址", "家庭住址", "现住址", "地址", "居住地址", "户籍地址"),
        "group": ("组别", "村民小组", "小组", "组", "所在组", "村组"),
        "household_no": ("户号", "户编号", "户籍编号"),
        "relation": ("与户主关系", "户主关系", "关系"),
        "gender": ("性别",),
        "note": ("备注", "说明"),
    },
    "cases": {
        "case_no": ("办件编号", "编号", "登记编号", "受理编号"),
        "registered": ("登记日期", "受理时间", "登记时间", "受理日期", "日期", "时间"),
        "kind": ("类型", "代理类型", "服务类型", "类别"),
        "matter": ("事项", "代理事项", "事项名称", "办理事项"),
        "description": ("内容", "诉求内容", "具体内容", "事由", "主要内容"),
        "name": ("姓名", "群众姓名", "当事人", "申请人", "委托人", "来访人"),
        "id_number": ("身份证号", "公民身份号码", "身份证号码", "身份证"),
        "phone": ("联系电话", "手机", "电话"),
        "handler": ("经办人", "代理员", "承办人", "首问责任人", "代理人"),
        "result": ("办理结果", "结果", "办理情况", "办结情况"),
        "completed": ("办结日期", "办结时间", "完成日期", "办结"),
        "rating": ("群众评价", "评价", "满意度", "满意程度"),
        "rating_reason": ("评价原因", "不满意原因"),
    },
    "cadres": {
        "name": ("姓名", "代理员", "代理员姓名"),
        "phone": ("电话", "联系电话", "手机", "手机号"),
        "title": ("职务", "岗位"),
        "area": ("负责片区", "片区", "联系片区", "负责区域", "联系组"),
        "role": ("角色", "代理角色"),
        "party_member": ("是否党员", "党员", "政治面貌"),
        "active_from": ("到任日期", "任职时间", "到任时间", "任职日期"),
    },
}

FIELD_LABELS = {
    "name": "姓名",
    "id_number": "身份证号",
    "phone": "联系电话",
    "address": "住址",
    "group": "组别",
    "household_no": "户号",
    "relation": "与户主关系",
    "gender": "性别",
    "note": "备注",
    "case_no": "办件编号",
    "registered": "登记日期",
    "kind": "类型",
    "matter": "事项",
    "description": "内容",
    "handler": "经办人",
    "result": "办理结果",
    "completed": "办结日期",
    "rating": "群众评价",
    "rating_reason": "评价原因",
    "title": "职务",
    "area": "负责片区",
    "role": "角色",
    "party_member": "是否党员",
    "active_from": "到任日期",
}
REQUIRED = {"villagers": ("name",), "cases": ("registered", "name"), "cadres": ("name",)}
_HEADER_SCAN = 20
_DECORATION = re.compile(r"[\s*＊:：()（）\[\]【】]|必填|选填")


def clean_header(value: object) -> str:
    return _DECORATION.sub("", unicodedata.normalize("NFKC", text(value)))


def guess_field(kind: str, header: str) -> str:
    """The field a header names, or IGNORE; exact names win over names contained in a header."""
    h = clean_header(header)
    if not h:
        return IGNORE
    synonyms = SYNONYMS[kind]
    for name, words in synonyms.items():
        if h in words:
            return name
    for name, words in synonyms.items():
        if any(len(w) >= 2 and w in h for w in words):
            return name
    return IGNORE


@dataclass
class Layout:
    """Where one sheet's header is and which column is which field."""

    sheet: str
    header_row: int  # 0-based index of the (last) header row
    headers: list[str]  # the header text of every column, as shown
    fields: list[str]  # the field of every column (IGNORE for none)
    data_start: int = 0
    notes: list[str] = field(default_factory=list)

    def column_of(self, name: str) -> int | None:
        return self.fields.index(name) if name in self.fields else None


def parse_overrides(spec: str) -> dict[str, str]:
    """``姓名=name,手机=phone,备用=`` → {header: field}; an empty field means "ignore this column"."""
    result: dict[str, str] = {}
    for item in filter(None, (p.strip() for p in re.split(r"[,，]", spec or ""))):
        header, sep, name = item.partition("=")
        if not sep:
            raise ImportFileError("对应关系“{item}”看不懂", "请写成 表头=字段，例如 手机=phone", params={"item": item})
        result[clean_header(header)] = name.strip()
    return result


def check_overrides(kind: str, overrides: dict[str, str]) -> None:
    known = set(SYNONYMS[kind])
    unknown = [f for f in overrides.values() if f and f not in known]
    if unknown:
        raise ImportFileError(
            "没有这些字段：{items}",
            "可用字段：{items2}",
            params={
                "items": "、".join(unknown),
                "items2": "、".join(f"{f}（{FIELD_LABELS[f]}）" for f in SYNONYMS[kind]),
            },
        )


def find_layout(
    kind: str,
    sheet: Sheet,
    overrides: dict[str, str] | None = None,
    header_row: int | None = None,
    require: bool = True,
) -> Layout | None:
    """The sheet's header and mapping, or None when no row names the required fields.

    ``header_row`` (0-based) is the user's word on where the header is: that row
    alone is the header, nothing is guessed. ``require=False`` returns its layout
    even when no column is the name yet (a screen then lets the user choose it).
    """
    overrides = overrides or {}

    def field_of(value: object) -> str:
        h = clean_header(value)
        return overrides[h] if h in overrides else guess_field(kind, h)

    if header_row is not None:
        if header_row >= len(sheet.rows):
            return None
        return _layout(
            kind, sheet, header_row, [field_of(v) for v in sheet.rows[header_row]], header_row + 1, require=require
        )
    best, best_score = None, 0
    for index, row in enumerate(sheet.rows[:_HEADER_SCAN]):
        score = len({f for f in map(field_of, row) if f})
        if score > best_score:
            best, best_score = index, score
    if best is None:
        return None
    headers = [clean_header(v) for v in sheet.rows[best]]
    fields = [field_of(v) for v in sheet.rows[best]]
    below = sheet.rows[best + 1] if best + 1 < len(sheet.rows) else []
    data_start = best + 1
    if _is_second_header(below, [field_of(v) for v in below], sheet.rows[best]):
        _take_second_header(below, [field_of(v) for v in below], headers, fields)
        data_start = best + 2
    return _layout(kind, sheet, best, fields, data_start, headers)


def _is_second_header(below: list, below_fields: list[str], above: list) -> bool:
    """A second header row (under merged group headings such as 联系方式 over 手机 | 座机):
    most of its cells are header words, and it is not the row above repeated by merging."""
    filled = [v for v in below if clean_header(v)]
    named = [f for f in below_fields if f]
    return (
        bool(filled)
        and 2 * len(named) >= len(filled)
        and [clean_header(v) for v in below] != [clean_header(v) for v in above]
    )


def _take_second_header(below: list, below_fields: list[str], headers: list[str], fields: list[str]) -> None:
    """Where the second row names a field the first did not (or the same one), its words win."""
    for i, f in enumerate(below_fields):
        if f and (i >= len(fields) or not fields[i] or fields[i] == f):
            while i >= len(fields):
                fields.append(IGNORE)
                headers.append("")
            fields[i], headers[i] = f, clean_header(below[i])


def _layout(
    kind: str,
    sheet: Sheet,
    header_row: int,
    fields: list[str],
    data_start: int,
    headers: list[str] | None = None,
    require: bool = True,
) -> Layout | None:
    headers = headers or [clean_header(v) for v in sheet.rows[header_row]]
    _keep_first_of_each(fields)
    if require and not all(r in fields for r in REQUIRED[kind]):
        return None
    return Layout(sheet.name, data_start - 1, headers, fields, data_start)


def _keep_first_of_each(fields: list[str]) -> None:
    """A header merged across two columns names both: the first one is the field."""
    seen: set[str] = set()
    for i, f in enumerate(fields):
        if f in seen:
            fields[i] = IGNORE
        elif f:
            seen.add(f)

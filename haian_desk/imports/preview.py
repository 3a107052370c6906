"""What a row will look like once stored, in the words and masks a screen shows.

The import dialog's preview table uses these: one list of headers per kind and
one line of text per row verdict. ID numbers and phones are masked as on
every screen a visitor at the counter may see.
"""

from __future__ import annotations

from haian_desk.cases.vocabulary import KINDS, RATINGS, RESULTS
from haian_desk.core.masking import mask_id_number, mask_phone
from haian_desk.imports.plan import VERDICTS, RowVerdict

COLUMNS = {
    "villagers": ("姓名", "身份证号", "联系电话", "性别", "住址", "户号", "备注"),
    "cases": ("登记日期", "类型", "事项", "内容", "群众", "经办人", "办结日期", "办理结果", "评价"),
    "cadres": ("姓名", "电话", "角色", "职务", "负责片区", "党员", "到任日期"),
}


def headers(kind: str) -> list[str]:
    return ["行", "工作表", "处理"] + list(COLUMNS[kind]) + ["原因或改动"]


def line(kind: str, verdict: RowVerdict) -> list[str]:
    head = [str(verdict.row_no), verdict.sheet, VERDICTS[verdict.verdict]]
    if verdict.verdict == "refused" or not verdict.fields:
        values = [""] * len(COLUMNS[kind])
        values[COLUMNS[kind].index("群众" if kind == "cases" else "姓名")] = verdict.extra.get("written_name", "")
    else:
        values = [v or "" for v in _VALUES[kind](verdict)]
    return head + values + [_why(verdict)]  # last: a long reason stretches without hiding the fields


def _why(verdict: RowVerdict) -> str:
    if verdict.verdict == "update":
        from haian_desk.imports.columns import FIELD_LABELS

        return "改：" + "、".join(FIELD_LABELS.get(k, "重新启用" if k == "active" else k) for k in verdict.changes)
    return verdict.reason


def _villager(v: RowVerdict) -> list:
    f = v.fields
    return [
        f["name"],
        mask_id_number(f["id_number"]),
        mask_phone(f["phone"]),
        f["gender"],
        f["address"],
        f["household_no"],
        f["note"],
    ]


def _case(v: RowVerdict) -> list:
    f, person = v.fields, v.extra.get("person", {})
    done = f.get("completed_at")
    result = RESULTS.get(f.get("result") or "", "") if done else "（未办结）"
    return [
        f"{f['registered_at']:%Y-%m-%d}",
        KINDS[f["kind"]],
        f["matter"],
        f["description"],
        person.get("name", ""),
        f["handler"],
        f"{done:%Y-%m-%d}" if done else "",
        result,
        RATINGS.get(f.get("rating") or 0, ""),
    ]


def _cadre(v: RowVerdict) -> list:
    from haian_desk.people.cadres import ROLES

    f = v.fields
    return [
        f["name"],
        mask_phone(f["phone"]),
        ROLES.get(f.get("role") or "", ""),
        f["title"],
        f["area"],
        "是" if f.get("party_member") else "否",
        f.get("active_from"),
    ]


_VALUES = {"villagers": _villager, "cases": _case, "cadres": _cadre}

"""What a row will look like once stored, in the words and masks a screen shows.

The import dialog's preview table uses these: one list of headers per kind and
one line of text per row verdict. ID numbers and phones are masked as on
every screen a visitor at the counter may see. Headers, verdicts, the domain's
words and the reasons come in the reader's language (``messages.set_language``,
which the interface sets); names, matters and places stay as written.
"""

from __future__ import annotations

from haian_desk.cases.vocabulary import KINDS, RATINGS, RESULTS
from haian_desk.core import messages
from haian_desk.core.errors import N_, Message
from haian_desk.core.masking import mask_id_number, mask_phone
from haian_desk.imports.plan import VERDICTS, RowVerdict

COLUMNS = {
    "villagers": (N_("姓名"), N_("身份证号"), N_("联系电话"), N_("性别"), N_("住址"), N_("户号"), N_("备注")),
    "cases": (
        N_("登记日期"),
        N_("类型"),
        N_("事项"),
        N_("内容"),
        N_("群众"),
        N_("经办人"),
        N_("办结日期"),
        N_("办理结果"),
        N_("评价"),
    ),
    "cadres": (N_("姓名"), N_("电话"), N_("角色"), N_("职务"), N_("负责片区"), N_("党员"), N_("到任日期")),
}
_AROUND = (N_("行"), N_("工作表"), N_("处理")), (N_("原因或改动"),)


def headers(kind: str) -> list[str]:
    return [messages.word(h) for h in (*_AROUND[0], *COLUMNS[kind], *_AROUND[1])]


def line(kind: str, verdict: RowVerdict) -> list[str]:
    head = [str(verdict.row_no), verdict.sheet, messages.word(VERDICTS[verdict.verdict])]
    if verdict.verdict == "refused" or not verdict.fields:
        values = [""] * len(COLUMNS[kind])
        values[COLUMNS[kind].index("群众" if kind == "cases" else "姓名")] = verdict.extra.get("written_name", "")
    else:
        values = [v or "" for v in _VALUES[kind](verdict)]
    return head + values + [_why(verdict)]  # last: a long reason stretches without hiding the fields


def _why(verdict: RowVerdict) -> str:
    if verdict.verdict == "update":
        labels = [_field_label(k) for k in verdict.changes]
        return messages.message_text(Message("改：{fields}", {"fields": labels}))
    return messages.error_text(verdict.error) if verdict.error is not None else verdict.reason


def _field_label(key: str) -> str:
    from haian_desk.imports.columns import FIELD_LABELS

    if key == "active":
        return messages.word(N_("重新启用"))
    return messages.translate("ImportFields", FIELD_LABELS[key]) if key in FIELD_LABELS else key


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
    result = RESULTS.get(f.get("result") or "", "") if done else N_("（未办结）")
    return [
        f"{f['registered_at']:%Y-%m-%d}",
        messages.word(KINDS[f["kind"]]),
        f["matter"],
        f["description"],
        person.get("name", ""),
        f["handler"],
        f"{done:%Y-%m-%d}" if done else "",
        messages.word(result),
        messages.word(RATINGS.get(f.get("rating") or 0, "")),
    ]


def _cadre(v: RowVerdict) -> list:
    from haian_desk.people.cadres import ROLES

    f = v.fields
    return [
        f["name"],
        mask_phone(f["phone"]),
        messages.word(ROLES.get(f.get("role") or "", "")),
        f["title"],
        f["area"],
        messages.word(N_("是") if f.get("party_member") else N_("否")),
        f.get("active_from"),
    ]


_VALUES = {"villagers": _villager, "cases": _case, "cadres": _cadre}

"""Rows of a past ledger (代理登记台账): imported history, recorded as the case's own events.

Each row becomes a case whose events carry the dates the ledger gives: it was
registered and accepted on 登记日期, completed on 办结日期 with its result, and
rated if the ledger has a rating (a rating implies the villager was told, so a
reply is recorded with it). The events are the ordinary ones, stamped with the
historical time, so the case counts in the assessment period it belongs to;
its registration carries the import's id, which marks it as imported history
(no deadline: it is never shown as overdue). Its number follows the station's
numbering for its date (``cases.numbers``), after any number already issued.

The villager is found by ID number, else by a unique name; someone the
registry does not have yet is added in the same import. The handler must be a
cadre in the directory: import the cadres first.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, time
from typing import TYPE_CHECKING

from haian_desk.cases import numbers as case_numbers
from haian_desk.cases.vocabulary import RATINGS, RESULTS
from haian_desk.core.errors import ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import CST
from haian_desk.imports import cells as cellmod, numbers, villager_rows
from haian_desk.imports.rows import RowCells, person_name
from haian_desk.people import cadres, villagers

if TYPE_CHECKING:
    from haian_desk.desk import Desk

STREAM = "case"
# A date without a time of day: the ledger does not say when, so office hours are assumed.
REGISTERED_AT, COMPLETED_AT = time(9, 0), time(17, 0)
KIND_WORDS = (
    ("代言", "opinion"),
    ("民意", "opinion"),
    ("意见", "opinion"),
    ("建议", "opinion"),
    ("代办", "errand"),
    ("事务", "errand"),
    ("诉求", "claim"),
    ("代理", "claim"),
)
REFUSED_WORDS = ("未获", "不予", "未批", "驳回", "不符合", "未通过", "不同意")
PASSED_WORDS = ("转", "移交")
STILL_OPEN_WORDS = ("办理中", "在办", "正在", "未办结", "跟踪", "待")
RATING_NAMES = {name: level for level, name in RATINGS.items()}
NO_REASON = "历史台账未记原因"


def moment(value, header: str, field: str, at: time) -> datetime:
    found = cellmod.when(value, header, field)
    if not isinstance(found, datetime):
        found = datetime.combine(found, at)
    return found.replace(tzinfo=CST) if found.tzinfo is None else found


def kind_of(cells: RowCells) -> str:
    written = cells.text("kind")
    if not written:
        raise ValidationError(
            "{header}是空的",
            "请填 民意代言、事务代办 或 诉求代理",
            field="kind",
            params={"header": cells.header("kind")},
        )
    for word, kind in KIND_WORDS:
        if word in written:
            return kind
    raise ValidationError(
        "{header}“{written}”看不懂",
        "请填 民意代言、事务代办 或 诉求代理",
        field="kind",
        params={"header": cells.header("kind"), "written": written},
    )


def rating_of(cells: RowCells) -> int | None:
    written = cells.text("rating").replace(" ", "")
    if not written:
        return None
    if written in RATING_NAMES:
        return RATING_NAMES[written]
    if written.isdigit() and int(written) in RATINGS:
        return int(written)
    raise ValidationError(
        "{header}“{written}”看不懂",
        "请写 非常满意、满意、基本满意、不满意 或 非常不满意",
        field="rating",
        params={"header": cells.header("rating"), "written": written},
    )


def result_of(text: str) -> tuple[str, str]:
    """The result code and the note: "已办成：…" as exported, else read from the words used."""
    for code, name in RESULTS.items():
        if text == name or text.startswith(name + "："):
            return code, text[len(name) + 1 :]
    return _result_from_words(text), text


def _result_from_words(text: str) -> str:
    if any(w in text for w in REFUSED_WORDS):
        return "refused"
    if any(w in text for w in PASSED_WORDS):
        return "passed_on"
    return "granted"


class Registry:
    def __init__(self, conn, desk: Desk):
        self.conn = conn
        self.today = desk.now().astimezone(CST).date()
        self.people = villager_rows.Registry(conn, desk)
        self.names: dict[str, list[dict]] = {}
        for row in conn.execute("SELECT id, name, id_number FROM villagers WHERE active = 1"):
            self.names.setdefault(row["name"], []).append(dict(row))
        # A handler is looked for among this unit's cadres first, then the whole directory.
        where, params = cadres.own_units(desk.installation.unit_code)
        self.cadres = {
            row["name"]: row["id"]
            for row in conn.execute(
                f"SELECT id, name, {where} AS own FROM cadres WHERE active = 1 ORDER BY own", params
            )
        }
        self.catalogue = {
            row["name"]: row["code"] for row in conn.execute("SELECT code, name FROM catalogue_items WHERE active = 1")
        }
        self.case_nos = {row[0]: row[1] for row in conn.execute("SELECT case_no, id FROM cases")}
        self.imported = {
            row[0]: row[1]
            for row in conn.execute(
                "SELECT i.row_key, i.stream_id FROM import_items i JOIN imports m ON m.id = i.import_id "
                "WHERE i.stream = 'case' AND m.undone_at IS NULL"
            )
        }
        self.seen: dict[str, int] = {}
        self.new_people: dict[str, str] = {}  # villager key → id, for people this import adds


def check(cells: RowCells, registry: Registry, verdict) -> None:
    registered = moment(cells.raw("registered"), cells.header("registered"), "registered", REGISTERED_AT)
    _not_future(registered, registry, cells.header("registered"))
    case = {
        "registered_at": registered,
        "kind": kind_of(cells),
        "matter": cells.text("matter"),
        "description": cells.text("description") or cells.text("matter"),
        "handler": cells.text("handler"),
        "case_no": cells.text("case_no"),
    }
    if not case["description"]:
        raise ValidationError("事项和内容都是空的", "请写明群众要办的事", field="description")
    _completion(cells, registry, case)
    person = _villager(cells)
    verdict.fields = case
    verdict.extra["person"] = person
    verdict.key = _key(case, person)
    existing = registry.case_nos.get(case["case_no"]) if case["case_no"] else None
    existing = existing or registry.imported.get(verdict.key)
    _refuse_repeat(registry, verdict)
    if existing:
        verdict.verdict, verdict.target_id = "unchanged", existing
        return
    case["cadre_id"] = _cadre(registry, cells)
    case["catalogue_code"] = registry.catalogue.get(case["matter"])
    verdict.extra["villager_id"] = _known_villager(registry, person, cells)
    verdict.verdict = "add"


def _not_future(at: datetime, registry: Registry, header: str) -> None:
    if at.astimezone(CST).date() > registry.today:
        raise ValidationError(
            "{header} {at:%Y-%m-%d} 在今天之后",
            "历史台账的日期不能晚于今天，请核对",
            params={"header": header, "at": at},
        )
    if at.year < 1990:
        raise ValidationError("{header} {at:%Y-%m-%d} 太早了", "请核对年份", params={"header": header, "at": at})


def _completion(cells: RowCells, registry: Registry, case: dict) -> None:
    result_text, rating = cells.text("result"), rating_of(cells)
    case["rating"], case["rating_reason"] = rating, cells.text("rating_reason")
    case["result_text"] = result_text
    if not cells.text("completed"):
        if rating is not None:
            raise ValidationError("没有办结日期，却有群众评价", "请补上办结日期", field="completed")
        if result_text and not any(w in result_text for w in STILL_OPEN_WORDS):
            raise ValidationError(
                "写了办理结果“{result_text}”，却没有办结日期",
                "请补上办结日期；还在办的，办理结果写“办理中”或留空",
                field="completed",
                params={"result_text": result_text},
            )
        case["completed_at"] = None
        return
    done = moment(cells.raw("completed"), cells.header("completed"), "completed", COMPLETED_AT)
    _not_future(done, registry, cells.header("completed"))
    if done.date() < case["registered_at"].date():
        raise ValidationError(
            "{header} {done:%Y-%m-%d} 早于登记日期 {registered_at:%Y-%m-%d}",
            "请核对两个日期",
            field="completed",
            params={"header": cells.header("completed"), "done": done, "registered_at": case["registered_at"]},
        )
    case["completed_at"] = max(done, case["registered_at"])
    case["result"], case["result_note"] = result_of(result_text)
    if case["result"] == "refused" and not case["result_note"]:
        raise ValidationError("办理结果为未获批准，但没有写理由", "请在办理结果中写明理由", field="result")


def _villager(cells: RowCells) -> dict:
    name = person_name(cells.raw("name"), cells.header("name"))
    id_number = numbers.id_number(cells.raw("id_number"), cells.header("id_number")) if cells.text("id_number") else ""
    phone = numbers.phone(cells.raw("phone"), cells.header("phone")) if cells.text("phone") else ""
    return {"name": name, "id_number": id_number, "phone": phone}


def _known_villager(registry: Registry, person: dict, cells: RowCells) -> str | None:
    """The villager already here (or added by an earlier row), or None to add one."""
    key = person["id_number"] or "name:" + person["name"]
    if key in registry.new_people:
        return registry.new_people[key]
    if person["id_number"]:
        found = registry.people.by_id_number.get(person["id_number"])
        return found["id"] if found else None
    same = registry.names.get(person["name"], [])
    if len(same) > 1:
        raise ValidationError(
            "名册中有{n_same}位“{name}”，分不清是哪一位",
            "请在台账中填写身份证号",
            field="name",
            params={"n_same": len(same), "name": person["name"]},
        )
    return same[0]["id"] if same else None


def _cadre(registry: Registry, cells: RowCells) -> str:
    name = "".join(cells.text("handler").split())
    if not name:
        raise ValidationError(
            "{header}是空的", "请写明经办的代理员", field="handler", params={"header": cells.header("handler")}
        )
    if name not in registry.cadres:
        raise ValidationError(
            "{header}“{name}”不在代理员名录中",
            "请先添加或导入代理员（haian-desk import cadres 文件）",
            field="handler",
            params={"header": cells.header("handler"), "name": name},
        )
    return registry.cadres[name]


def _key(case: dict, person: dict) -> str:
    text = "|".join(
        [
            case["registered_at"].date().isoformat(),
            case["kind"],
            case["matter"],
            case["description"],
            person["name"],
            person["id_number"],
        ]
    )
    return "case:" + hashlib.sha256(text.encode()).hexdigest()[:32]


def _refuse_repeat(registry: Registry, verdict) -> None:
    earlier = registry.seen.get(verdict.key)
    if earlier is not None:
        raise ValidationError(
            "与本文件第{earlier}行是同一件事（日期、群众、内容相同），不重复导入",
            "请删去重复的一行",
            params={"earlier": earlier},
        )
    registry.seen[verdict.key] = verdict.row_no


# --- writing -------------------------------------------------------------------------------


def write(desk: Desk, conn, actor: str, import_id: str, verdict, registry: Registry) -> list[tuple[str, str, str]]:
    case = verdict.fields
    written = []
    villager_id = verdict.extra.get("villager_id")
    if not villager_id:
        villager_id, new = _add_villager(desk, conn, actor, import_id, verdict, registry)
        if new:
            written.append(("villager", villager_id, "added"))
    case_id = uuid7()
    tag = {"import_id": import_id}
    at = case["registered_at"]
    payload = {
        "kind": case["kind"],
        "villager_id": villager_id,
        "description": case["description"],
        "channel": "walk_in",
        "urgency": "normal",
        "urgent_deadline": None,
        "first_cadre_id": case["cadre_id"],
        "responsible_cadre_id": case["cadre_id"],
        "materials_received": [],
        "long_standing": False,
        "petition": False,
        "unit_code": desk.installation.unit_code,
        "timing": "承诺",
        "time_limit": None,
        "catalogue_code": case["catalogue_code"],
        "matter_name": case["matter"] or None,
        "case_no": case_numbers.next_case_no(conn, desk.installation.unit_code, at),
        "source_no": case["case_no"] or None,
        **tag,
    }
    record = desk.ledger.record
    record(conn, STREAM, case_id, "registered", payload, actor, at=at)
    record(conn, STREAM, case_id, "accepted", dict(tag), actor, at=at)
    if case["completed_at"]:
        done = case["completed_at"]
        record(
            conn,
            STREAM,
            case_id,
            "completed",
            {"result": case["result"], "note": case["result_note"] or None, **tag},
            actor,
            at=done,
        )
        if case["rating"] is not None:
            record(conn, STREAM, case_id, "replied", {"method": "in_person", **tag}, actor, at=done)
            reason = case["rating_reason"] or (NO_REASON if case["rating"] <= 2 else "")
            record(conn, STREAM, case_id, "rated", {"level": case["rating"], "reason": reason, **tag}, actor, at=done)
    return written + [(STREAM, case_id, "added")]


def _add_villager(desk: Desk, conn, actor: str, import_id: str, verdict, registry: Registry) -> tuple[str, bool]:
    """The villager this row is for, added now unless an earlier row added them."""
    person = verdict.extra["person"]
    key = person["id_number"] or "name:" + person["name"]
    if key in registry.new_people:
        return registry.new_people[key], False
    fields = villagers.clean(
        villagers.VillagerInput(name=person["name"], id_number=person["id_number"], phone=person["phone"])
    )
    villager_id = uuid7()
    desk.ledger.record(conn, "villager", villager_id, "created", {**fields, "import_id": import_id}, actor)
    registry.new_people[key] = villager_id
    return villager_id, True

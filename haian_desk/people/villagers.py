"""Villagers (群众): who the matters are for, with their households and tags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.core.errors import NotFound, ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.normalise import free_text, name_text
from haian_desk.events.columns import decoded_value
from haian_desk.events.records import record_apply
from haian_desk.people import reveals
from haian_desk.people.idnumber import parse_id_number
from haian_desk.people.phone import parse_phone
from haian_desk.people.pinyin_keys import name_spellings

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# Household tags for paired support and for keeping sensitive facts off public paper.
TAGS = {
    "empty_nest": "空巢老人",
    "left_behind_child": "留守儿童",
    "disabled": "残疾人",
    "dibao": "低保户",
    "tekun": "特困供养",
    "widowed": "孤寡老人",
}
SENSITIVE_TAGS = ("left_behind_child", "disabled", "dibao", "tekun")

FIELDS: dict[str, object] = {
    "name": "",
    "id_number": None,
    "phone": None,
    "gender": None,
    "birth_date": None,
    "address": None,
    "unit_code": None,
    "household_no": None,
    "tags": [],
    "note": None,
    "active": 1,
}
JSON_COLUMNS = ("tags",)


def _derive(state: dict) -> None:
    full, initials = name_spellings(state["name"])
    state["pinyin"], state["initials"] = full, initials
    state["search_text"] = search_text(state)


def search_text(state: dict) -> str:
    """One lower-case line a search box can match any piece of (see queries)."""
    parts = [state["name"], state["pinyin"], state["initials"], state.get("id_number") or "", state.get("phone") or ""]
    return " ".join(p for p in parts if p).lower()


_apply_record = record_apply(FIELDS, _derive, "群众")


def apply(state: dict | None, event) -> dict:
    """A villager's record; a ``revealed`` event (full numbers shown) changes nothing in it."""
    if event.type == "revealed":
        if state is None:
            raise NotFound("找不到这位群众")
        reveals.check(event.payload)
        return dict(state)
    return _apply_record(state, event)


def respell(conn) -> None:
    """Recompute every villager's stored readings (after the reading rules changed).

    The same rule ``_derive`` applies, so rebuilt rows still equal stored ones;
    names repeat a lot, so each distinct name is spelled once.
    """
    rows = conn.execute("SELECT id, name, id_number, phone, pinyin, initials FROM villagers").fetchall()
    spelled: dict[str, tuple[str, str]] = {}
    changed = []
    for row in rows:
        state = dict(row)
        if row["name"] not in spelled:
            spelled[row["name"]] = name_spellings(row["name"])
        state["pinyin"], state["initials"] = spelled[row["name"]]
        state["search_text"] = search_text(state)
        if (state["pinyin"], state["initials"]) != (row["pinyin"], row["initials"]):
            changed.append((state["pinyin"], state["initials"], state["search_text"], row["id"]))
    conn.executemany("UPDATE villagers SET pinyin = ?, initials = ?, search_text = ? WHERE id = ?", changed)


@dataclass(frozen=True)
class VillagerInput:
    """What a clerk types about a villager, before it is checked."""

    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    unit_code: str = ""
    household_no: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""


def clean(data: VillagerInput) -> dict:
    """Check every field; returns the payload to record or raises ValidationError."""
    # NFKC: a name pasted from elsewhere may carry Kangxi radicals (⼯ for 工) or
    # full-width letters that look right but never match a search (normalise.name_text).
    name = name_text(data.name, "群众姓名")
    if not name:
        raise ValidationError("请填写群众姓名", field="name")
    if len(name) > 20:
        raise ValidationError("姓名太长（最多20个字）", field="name")
    fields: dict[str, object] = {
        "name": name,
        "address": free_text(data.address, "住址", "address") or None,
        "unit_code": data.unit_code.strip() or None,
        "household_no": free_text(data.household_no, "户号", "household_no") or None,
        "note": free_text(data.note, "备注", "note", multiline=True) or None,
    }
    if data.id_number.strip():
        number = parse_id_number(data.id_number)
        fields.update(
            id_number=number.value, birth_date=number.birth_date.isoformat(), gender="男" if number.is_male else "女"
        )
    else:
        fields.update(id_number=None, birth_date=None, gender=None)
    fields["phone"] = parse_phone(data.phone) if data.phone.strip() else None
    unknown = [t for t in data.tags if t not in TAGS]
    if unknown:
        raise ValidationError("未知的户情标签：{items}", field="tags", params={"items": "、".join(unknown)})
    fields["tags"] = sorted(set(data.tags))
    return fields


def register(desk: Desk, actor: str, data: VillagerInput) -> str:
    """Add a villager; refuses a second person with the same ID number."""
    fields = clean(data)
    with desk.db.write() as conn:
        if fields["id_number"]:
            _refuse_duplicate(conn, fields["id_number"], None)
        villager_id = uuid7()
        desk.ledger.record(conn, "villager", villager_id, "created", fields, actor)
    return villager_id


def update(desk: Desk, actor: str, villager_id: str, data: VillagerInput) -> None:
    fields = clean(data)
    with desk.db.write() as conn:
        current = get_row(conn, villager_id)
        if fields["id_number"]:
            _refuse_duplicate(conn, fields["id_number"], villager_id)
        changed = {k: v for k, v in fields.items() if _stored(current, k) != v}
        if changed:
            desk.ledger.record(conn, "villager", villager_id, "updated", changed, actor)


def _stored(row, key):
    return decoded_value(row, key, JSON_COLUMNS)


def _refuse_duplicate(conn, id_number: str, own_id: str | None) -> None:
    row = conn.execute(
        "SELECT id, name FROM villagers WHERE id_number = ? AND id != ?", (id_number, own_id or "")
    ).fetchone()
    if row:
        raise ValidationError(
            "身份证号已登记在“{name}”名下",
            "请直接选择该群众，不要重复登记",
            field="id_number",
            params={"name": row["name"]},
        )


def get_row(conn, villager_id: str):
    row = conn.execute("SELECT * FROM villagers WHERE id = ?", (villager_id,)).fetchone()
    if row is None:
        raise NotFound("找不到这位群众", "可能已被合并或尚未同步")
    return row

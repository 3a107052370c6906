"""The service catalogue (事项目录): what a station can do for villagers.

Seeded from resources/catalogue.json at set-up. Every edit is an event, so the
catalogue's history is kept and edits travel like any other record; a case
copies its item's time rule when registered, so later edits never move an
existing deadline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.core.errors import NotFound, ValidationError
from haian_desk.core.paths import resource_path
from haian_desk.events.records import record_apply
from haian_desk.people import users
from haian_desk.people.pinyin_keys import spellings
from haian_desk.storage.reading import contains

if TYPE_CHECKING:
    from haian_desk.desk import Desk

LEVELS = ("村", "镇", "县")
MODES = ("即办", "承诺")
LIMIT_UNITS = ("hours", "days", "working_days")

FIELDS = {
    "version": 1,
    "name": "",
    "category": None,
    "level": "村",
    "route": None,
    "department": None,
    "materials": [],
    "mode": "承诺",
    "time_limit": None,
    "fee_note": None,
    "proxy_allowed": 1,
    "keywords": None,
    "active": 1,
    "updated_by": "",
}
JSON_COLUMNS = ("materials", "time_limit")


def _derive(state: dict) -> None:
    # Villagers ask by the everyday word (低保, dibao), so keywords are spelled out too.
    words = [state["name"], *(state.get("keywords") or "").split()]
    parts = [state["code"], *words, *(" ".join(spellings(w)) for w in words)]
    state["search_text"] = " ".join(p for p in parts if p).lower()
    state.pop("created_at", None)  # catalogue rows keep updated_at only


apply = record_apply(FIELDS, _derive, "事项", key="code")


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    level: str
    mode: str
    time_limit: dict | None = None
    category: str = ""
    route: str = ""
    department: str = ""
    materials: tuple[str, ...] = ()
    fee_note: str = ""
    proxy_allowed: bool = True
    keywords: str = ""
    active: bool = True


def clean(item: Item) -> dict:
    if not item.code.strip():
        raise ValidationError("请填写事项编码", field="code")
    if not item.name.strip():
        raise ValidationError("请填写事项名称", field="name")
    if item.level not in LEVELS:
        raise ValidationError("办理层级应为村、镇或县", field="level")
    if item.mode not in MODES:
        raise ValidationError("办理类型应为即办或承诺", field="mode")
    limit = item.time_limit
    if item.mode == "承诺":
        if not limit or limit.get("unit") not in LIMIT_UNITS or int(limit.get("amount", 0)) <= 0:
            raise ValidationError("承诺件须写明办理时限（小时、天或工作日）", field="time_limit")
        limit = {"amount": int(limit["amount"]), "unit": limit["unit"]}
    else:
        limit = None
    return {
        "name": item.name.strip(),
        "category": item.category or None,
        "level": item.level,
        "route": item.route or None,
        "department": item.department or None,
        "materials": [m.strip() for m in item.materials if m.strip()],
        "mode": item.mode,
        "time_limit": limit,
        "fee_note": item.fee_note or None,
        "proxy_allowed": int(item.proxy_allowed),
        "keywords": item.keywords or None,
        "active": int(item.active),
    }


def shipped_items() -> list[Item]:
    data = json.loads(resource_path("catalogue.json").read_text(encoding="utf-8"))
    return [
        Item(
            code=i["code"],
            name=i["name"],
            level=i["level"],
            mode=i["mode"],
            time_limit=i.get("time_limit"),
            category=i.get("category") or "",
            route=i.get("route") or "",
            department=i.get("department") or "",
            materials=tuple(i.get("materials") or ()),
            fee_note=i.get("fee_note") or "",
            proxy_allowed=bool(i.get("proxy_allowed", True)),
            keywords=" ".join(i.get("keywords") or ()),
        )
        for i in data["items"]
    ]


def edit(desk: Desk, actor: str, item: Item) -> int:
    """An admin's change to an item (or a new item); returns the new version."""
    users.require_role(desk, actor, "admin", "修改事项目录")
    fields = clean(item)
    with desk.db.write() as conn:
        current = conn.execute("SELECT version FROM catalogue_items WHERE code = ?", (item.code,)).fetchone()
        version = 1 if current is None else current["version"] + 1
        fields.update(version=version, updated_by=actor)
        desk.ledger.record(conn, "catalogue", item.code, "created" if current is None else "updated", fields, actor)
    return version


def get(desk: Desk, code: str):
    row = desk.db.one("SELECT * FROM catalogue_items WHERE code = ?", (code,))
    if row is None:
        raise NotFound("事项目录中没有编码为 {code} 的事项", params={"code": code})
    return row


def search(desk: Desk, text: str, limit: int = 50) -> list:
    needle = "".join(text.split()).lower()
    return desk.db.query(
        f"SELECT * FROM catalogue_items WHERE active = 1 AND {contains(desk.db, 'search_text')} ORDER BY code LIMIT ?",
        (needle, limit),
    )


def history(desk: Desk, code: str) -> list:
    """Every version of an item, oldest first (who changed what, when)."""
    return desk.db.query(
        "SELECT actor, wall_time, type, payload FROM events WHERE stream = 'catalogue' "
        "AND stream_id = ? AND id NOT IN (SELECT event_id FROM events_set_aside) "
        "ORDER BY hlc, origin, origin_seq",
        (code,),
    )

"""The cadres directory (代理员): names, phones, units, areas and service items, published."""

from __future__ import annotations

from dataclasses import dataclass

from haian_desk.errors import ValidationError
from haian_desk.ids import uuid7
from haian_desk.phone import parse_phone
from haian_desk.records import record_apply

FIELDS = {
    "name": "", "phone": None, "unit_code": "", "title": None, "area": None,
    "service_items": [], "on_public_board": 1, "active": 1,
}
JSON_COLUMNS = ("service_items",)

apply = record_apply(FIELDS, lambda state: None, "代理员")


@dataclass(frozen=True)
class CadreInput:
    name: str
    phone: str
    unit_code: str
    title: str = ""
    area: str = ""
    service_items: tuple[str, ...] = ()
    on_public_board: bool = True
    active: bool = True


def clean(data: CadreInput) -> dict:
    name = "".join(data.name.split())
    if not name:
        raise ValidationError("请填写代理员姓名", field="name")
    if not data.phone.strip():
        raise ValidationError("代理员的电话要公示，请填写", field="phone")
    if not data.unit_code.strip().isdigit():
        raise ValidationError("请选择代理员所在单位", field="unit_code")
    return {"name": name, "phone": parse_phone(data.phone), "unit_code": data.unit_code.strip(),
            "title": data.title.strip() or None, "area": data.area.strip() or None,
            "service_items": [s.strip() for s in data.service_items if s.strip()],
            "on_public_board": int(data.on_public_board), "active": int(data.active)}


def add(desk, actor: str, data: CadreInput) -> str:
    fields = clean(data)
    cadre_id = uuid7()
    with desk.db.write() as conn:
        desk.ledger.record(conn, "cadre", cadre_id, "created", fields, actor)
    return cadre_id


def update(desk, actor: str, cadre_id: str, data: CadreInput) -> None:
    fields = clean(data)
    with desk.db.write() as conn:
        desk.ledger.record(conn, "cadre", cadre_id, "updated", fields, actor)


def active_cadres(desk) -> list:
    return desk.db.query("SELECT * FROM cadres WHERE active = 1 ORDER BY name")

"""Cadre rows (代理员名单): a cadre is the same as one here when the name is the same.

Checked by ``cadres.clean`` as the roster screen checks them; every cadre
belongs to this installation's unit. A blank cell never empties a field.
"""

from __future__ import annotations

from haian_desk import cadres
from haian_desk.errors import ValidationError
from haian_desk.ids import uuid7
from haian_desk.imports import numbers
from haian_desk.imports.rows import RowCells, person_name

STREAM = "cadre"
COMPARED = ("name", "phone", "title", "area")


def fields_of(cells: RowCells, unit_code: str) -> dict:
    name = person_name(cells.raw("name"))
    if not cells.text("phone"):
        raise ValidationError("代理员的电话要公示，这一行没有电话", "请补上电话后再导入", field="phone")
    phone = numbers.phone(cells.raw("phone"), cells.header("phone"))
    return cadres.clean(cadres.CadreInput(name=name, phone=phone, unit_code=unit_code,
                                          title=cells.text("title"), area=cells.text("area")))


class Registry:
    def __init__(self, conn, desk):
        self.unit_code = desk.installation.unit_code
        self.by_name = {row["name"]: dict(row) for row in conn.execute("SELECT * FROM cadres")}
        self.seen: dict[str, int] = {}


def check(cells: RowCells, registry: Registry, verdict) -> None:
    fields = fields_of(cells, registry.unit_code)
    verdict.fields, verdict.key = fields, "cadre:" + fields["name"]
    earlier = registry.seen.get(verdict.key)
    if earlier is not None:
        raise ValidationError(f"与本文件第{earlier}行是同一位代理员（姓名相同），不重复导入", "请删去重复的一行")
    registry.seen[verdict.key] = verdict.row_no
    current = registry.by_name.get(fields["name"])
    if current is None:
        verdict.verdict = "add"
        return
    verdict.target_id = current["id"]
    verdict.changes = {k: fields[k] for k in COMPARED if fields.get(k) and fields[k] != current.get(k)}
    if not current["active"]:
        verdict.changes["active"] = 1
    verdict.verdict = "update" if verdict.changes else "unchanged"


def write(desk, conn, actor: str, import_id: str, verdict) -> list[tuple[str, str, str]]:
    tag = {"import_id": import_id}
    if verdict.verdict == "add":
        cadre_id = uuid7()
        desk.ledger.record(conn, STREAM, cadre_id, "created", {**verdict.fields, **tag}, actor)
        return [(STREAM, cadre_id, "added")]
    desk.ledger.record(conn, STREAM, verdict.target_id, "updated", {**verdict.changes, **tag}, actor)
    return [(STREAM, verdict.target_id, "updated")]

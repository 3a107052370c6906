"""Cadre rows (代理员名单): a cadre is the same as one here when the name is the same.

Checked by ``cadres.clean`` as the roster screen checks them; every cadre
belongs to this installation's unit. A blank cell never empties a field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from haian_desk.core.errors import ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.imports import cells as cellmod, numbers
from haian_desk.imports.rows import RowCells, person_name
from haian_desk.people import cadres

if TYPE_CHECKING:
    from haian_desk.desk import Desk

STREAM = "cadre"
COMPARED = ("name", "phone", "title", "area")


PARTY = {
    "是": True,
    "党员": True,
    "中共党员": True,
    "中共预备党员": True,
    "预备党员": True,
    "否": False,
    "群众": False,
    "非党员": False,
    "无": False,
}


def fields_of(cells: RowCells, unit_code: str) -> tuple[dict, dict[str, bool]]:
    name = person_name(cells.raw("name"))
    if not cells.text("phone"):
        raise ValidationError("代理员的电话要公示，这一行没有电话", "请补上电话后再导入", field="phone")
    phone = numbers.phone(cells.raw("phone"), cells.header("phone"))
    started = cells.text("active_from") and cellmod.when(
        cells.raw("active_from"), cells.header("active_from"), "active_from"
    )
    fields = cadres.clean(
        cadres.CadreInput(
            name=name,
            phone=phone,
            unit_code=unit_code,
            title=cells.text("title"),
            area=cells.text("area"),
            role=cells.text("role") or "agent",
            party_member=_party(cells),
            active_from=f"{started:%Y-%m-%d}" if started else "",
        )
    )
    given = {
        "role": bool(cells.text("role")),
        "party_member": bool(cells.text("party_member")),
        "active_from": bool(started),
    }
    return fields, given


def _party(cells: RowCells) -> bool:
    written = cells.text("party_member").replace(" ", "")
    if not written:
        return True
    if written not in PARTY:
        raise ValidationError(
            "{header}“{written}”看不懂",
            "请写“是”或“否”",
            field="party_member",
            params={"header": cells.header("party_member"), "written": written},
        )
    return PARTY[written]


class Registry:
    def __init__(self, conn, desk: Desk):
        self.unit_code = desk.installation.unit_code
        # Only this unit's own cadres (and its group points'): a cadre of the township who came
        # down with the directory is not this station's to change, even with the same name.
        where, params = cadres.own_units(self.unit_code)
        self.by_name = {
            row["name"]: dict(row)
            for row in conn.execute(f"SELECT * FROM cadres WHERE {where} ORDER BY active", params)
        }
        self.seen: dict[str, int] = {}


def check(cells: RowCells, registry: Registry, verdict) -> None:
    fields, given = fields_of(cells, registry.unit_code)
    verdict.fields, verdict.key = fields, "cadre:" + fields["name"]
    earlier = registry.seen.get(verdict.key)
    if earlier is not None:
        raise ValidationError(
            "与本文件第{earlier}行是同一位代理员（姓名相同），不重复导入",
            "请删去重复的一行",
            params={"earlier": earlier},
        )
    registry.seen[verdict.key] = verdict.row_no
    current = registry.by_name.get(fields["name"])
    if current is None:
        verdict.verdict = "add"
        return
    verdict.target_id = current["id"]
    compared = COMPARED + tuple(k for k, written in given.items() if written)  # a blank cell changes nothing
    verdict.changes = {
        k: fields[k] for k in compared if fields.get(k) not in (None, "") and fields[k] != current.get(k)
    }
    if not current["active"]:
        verdict.changes["active"] = 1
    verdict.verdict = "update" if verdict.changes else "unchanged"


def write(desk: Desk, conn, actor: str, import_id: str, verdict) -> list[tuple[str, str, str]]:
    tag = {"import_id": import_id}
    if verdict.verdict == "add":
        cadre_id = uuid7()
        desk.ledger.record(conn, STREAM, cadre_id, "created", {**verdict.fields, **tag}, actor)
        return [(STREAM, cadre_id, "added")]
    desk.ledger.record(conn, STREAM, verdict.target_id, "updated", {**verdict.changes, **tag}, actor)
    return [(STREAM, verdict.target_id, "updated")]

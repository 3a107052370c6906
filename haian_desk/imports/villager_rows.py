"""Villager rows (群众花名册): checked, matched with the registry, written as villager events.

A row is the same person as one already here when the ID number is the same;
without an ID number, when name and phone (or name and 户号) are. An import
never empties a field: a blank cell leaves what is stored, so a file with
fewer columns than the registry changes nothing it does not mention. 组别 is
kept as part of the address (the registry has no separate group field), and
与户主关系 in the note, so exporting and importing again gives the same rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from haian_desk.core.errors import ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.events.columns import decoded_value
from haian_desk.imports import numbers
from haian_desk.imports.rows import RowCells, person_name
from haian_desk.people import villagers

if TYPE_CHECKING:
    from haian_desk.desk import Desk

STREAM = "villager"
COMPARED = ("name", "id_number", "phone", "gender", "birth_date", "address", "household_no", "note")
RELATION = "与户主关系："


def fields_of(cells: RowCells) -> dict:
    """The villager this row describes, checked exactly as typed input is; raises ValidationError."""
    name = person_name(cells.raw("name"))
    id_number = numbers.id_number(cells.raw("id_number"), cells.header("id_number")) if cells.text("id_number") else ""
    phone = numbers.phone(cells.raw("phone"), cells.header("phone")) if cells.text("phone") else ""
    data = villagers.VillagerInput(
        name=name,
        id_number=id_number,
        phone=phone,
        address=_address(cells),
        household_no=cells.text("household_no"),
        note=_note(cells),
    )
    fields = villagers.clean(data)
    _gender(fields, cells.text("gender"))
    return fields


def _address(cells: RowCells) -> str:
    """The address, with the 组 from a 组别 column (or, for a row with no address, the sheet's group)."""
    address, group = cells.text("address"), cells.text("group")
    if group and group not in address:
        return address + group
    return address or cells.group


def _note(cells: RowCells) -> str:
    note, relation = cells.text("note"), cells.text("relation")
    if relation and RELATION not in note:
        note = f"{RELATION}{relation}" + (f"；{note}" if note else "")
    return note


def _gender(fields: dict, written: str) -> None:
    written = {"男性": "男", "女性": "女"}.get(written, written)
    if not written:
        return
    if written not in ("男", "女"):
        raise ValidationError("性别“{written}”看不懂", "请写“男”或“女”", field="gender", params={"written": written})
    if fields["gender"] and fields["gender"] != written:
        raise ValidationError(
            "性别写的是“{written}”，身份证号表明是“{gender}”",
            "请核对身份证号和性别",
            field="gender",
            params={"written": written, "gender": fields["gender"]},
        )
    fields["gender"] = written


class Registry:
    """The villagers already here, indexed the ways a row can match one, plus the file's rows so far."""

    def __init__(self, conn, desk: Desk):
        self.by_id_number: dict[str, dict] = {}
        self.by_name_phone: dict[tuple, dict] = {}
        self.by_name_household: dict[tuple, dict] = {}
        for row in conn.execute("SELECT * FROM villagers"):
            self._index(dict(row))
        self.seen: dict[str, int] = {}

    def _index(self, row: dict) -> None:
        if row.get("id_number"):
            self.by_id_number[row["id_number"]] = row
        if row.get("phone"):
            self.by_name_phone[(row["name"], row["phone"])] = row
        if row.get("household_no"):
            self.by_name_household[(row["name"], row["household_no"])] = row

    def find(self, fields: dict) -> dict | None:
        if fields["id_number"]:
            return self.by_id_number.get(fields["id_number"])
        return self.by_name_phone.get((fields["name"], fields["phone"])) or self.by_name_household.get(
            (fields["name"], fields["household_no"])
        )

    def note_new(self, villager_id: str, fields: dict) -> None:
        """A person added by this import, so later rows (a ledger's) find them too."""
        self._index(dict(fields, id=villager_id, active=1))


def key_of(fields: dict) -> str:
    if fields["id_number"]:
        return "id:" + fields["id_number"]
    return f"name:{fields['name']}|{fields['phone'] or ''}|{fields['household_no'] or ''}"


def check(cells: RowCells, registry: Registry, verdict) -> None:
    fields = fields_of(cells)
    verdict.fields, verdict.key = fields, key_of(fields)
    _refuse_repeat(registry, verdict)
    # A group known only from the sheet's name or a heading row fills an empty address
    # for a newcomer, but is too weak a fact to overwrite what the registry holds.
    weak = () if cells.text("address") or cells.text("group") else ("address",)
    judge_against(registry.find(fields), fields, verdict, weak)


def _refuse_repeat(registry: Registry, verdict) -> None:
    earlier = registry.seen.get(verdict.key)
    if earlier is not None:
        same = "身份证号相同" if verdict.key.startswith("id:") else "姓名和电话（或户号）相同"
        raise ValidationError(
            "与本文件第{earlier}行是同一人（{same}），不重复导入",
            "请删去重复的一行",
            params={"earlier": earlier, "same": same},
        )
    registry.seen[verdict.key] = verdict.row_no


def judge_against(current: dict | None, fields: dict, verdict, weak: tuple[str, ...] = ()) -> None:
    if current is None:
        verdict.verdict = "add"
        return
    verdict.target_id = current["id"]
    changes = {
        k: fields[k]
        for k in COMPARED
        if k not in weak and fields.get(k) not in (None, "") and fields[k] != current.get(k)
    }
    if not current.get("active", 1):
        changes["active"] = 1
    verdict.changes = changes
    verdict.verdict = "update" if changes else "unchanged"


def write(desk: Desk, conn, actor: str, import_id: str, verdict) -> list[tuple[str, str, str]]:
    """Record the row's villager event; returns what was written: (stream, id, action)."""
    tag = {"import_id": import_id}
    if verdict.verdict == "add":
        villager_id = uuid7()
        desk.ledger.record(conn, STREAM, villager_id, "created", {**verdict.fields, **tag}, actor)
        return [(STREAM, villager_id, "added")]
    desk.ledger.record(conn, STREAM, verdict.target_id, "updated", {**verdict.changes, **tag}, actor)
    return [(STREAM, verdict.target_id, "updated")]


def stored(row, key: str):
    return decoded_value(row, key, villagers.JSON_COLUMNS)

"""What the villagers screen reads: search results and one villager's household and cases.

Reads only (writes go through haian_desk.people.villagers). Lists are capped: a
station may have thousands of villagers, and nobody scrolls through them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import json

from haian_desk.cases import queries

if TYPE_CHECKING:
    from haian_desk.desk import Desk

LIST_LIMIT = 200


def _villager(row) -> dict:
    villager = dict(row)
    villager["tags"] = json.loads(villager.get("tags") or "[]")
    return villager


def find_villagers(desk: Desk, text: str, limit: int = LIST_LIMIT) -> list[dict]:
    """Villagers matching the search box, or everyone in pinyin order when it is empty."""
    if text.strip():
        rows = queries.villager_search(desk, text, limit)
    else:
        rows = desk.db.query(
            "SELECT * FROM villagers WHERE active = 1 ORDER BY pinyin, name LIMIT ?", (limit,))
    return [_villager(r) for r in rows]


def villager_profile(desk: Desk, villager_id: str) -> dict:
    """The villager, the others of the same household, and every case of theirs, newest first."""
    row = desk.db.one("SELECT * FROM villagers WHERE id = ?", (villager_id,))
    if row is None:
        return {}
    villager = _villager(row)
    household = []
    if villager["household_no"]:
        household = [_villager(r) for r in desk.db.query(
            "SELECT * FROM villagers WHERE household_no = ? AND coalesce(unit_code, '') = ? "
            "AND id != ? AND active = 1 ORDER BY birth_date",
            (villager["household_no"], villager["unit_code"] or "", villager_id))]
    cases = [dict(r) for r in desk.db.query(
        "SELECT id, case_no, kind, status, matter_name, description, registered_at, deadline "
        "FROM cases WHERE villager_id = ? ORDER BY registered_at DESC", (villager_id,))]
    return {"villager": villager, "household": household, "cases": cases}

"""What the catalogue screen reads: items matching a search, and an item's versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import json

from haian_desk.cases import catalogue
from haian_desk.cases.queries import normalise_search

if TYPE_CHECKING:
    from haian_desk.desk import Desk

SHOW_LIMIT = 1000


def _item(row) -> dict:
    item = dict(row)
    item["materials"] = json.loads(item.get("materials") or "[]")
    item["time_limit"] = json.loads(item["time_limit"]) if item.get("time_limit") else None
    return item


def find_items(desk: Desk, text: str, include_inactive: bool = False) -> list[dict]:
    """Items whose code, name, pinyin, initials or keywords contain the text."""
    if not include_inactive:
        return [_item(r) for r in catalogue.search(desk, text, SHOW_LIMIT)]
    rows = desk.db.query(
        "SELECT * FROM catalogue_items WHERE instr(search_text, ?) > 0 ORDER BY code LIMIT ?",
        (normalise_search(text), SHOW_LIMIT))
    return [_item(r) for r in rows]


def item_history(desk: Desk, code: str) -> list[dict]:
    """Each version of the item: which version, when, by whom, created or changed."""
    versions = []
    for row in catalogue.history(desk, code):
        payload = json.loads(row["payload"])
        versions.append({"version": payload.get("version"), "wall_time": row["wall_time"],
                         "actor": row["actor"], "type": row["type"]})
    return versions


def item_with_history(desk: Desk, code: str) -> dict:
    return {"item": _item(catalogue.get(desk, code)), "history": item_history(desk, code)}

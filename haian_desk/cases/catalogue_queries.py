"""Reading the service catalogue: items matching a search, one item, and an item's versions.

Reads only (edits go through haian_desk.cases.catalogue). Rows come back as
frozen records, ``materials`` and ``time_limit`` decoded where the projector
decodes them (haian_desk.events.columns). Operations read items too, so this
module stays below the projection (it must not import it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.cases import catalogue, search
from haian_desk.events.columns import Row, read_as
from haian_desk.storage.reading import contains

if TYPE_CHECKING:
    from haian_desk.desk import Desk

SHOW_LIMIT = 1000


@dataclass(frozen=True)
class CatalogueItem:
    """An item as stored: what a case copies at registration, and who changed it last."""

    code: str
    name: str
    level: str
    mode: str
    version: int = 1
    time_limit: dict | None = None  # {"amount": n, "unit": hours | days | working_days}
    category: str | None = None
    route: str | None = None
    department: str | None = None
    materials: tuple[str, ...] = ()
    fee_note: str | None = None
    proxy_allowed: int = 1
    keywords: str | None = None
    active: int = 1
    updated_at: str = ""
    updated_by: str = ""


@dataclass(frozen=True)
class ItemVersion:
    """One version of an item: which, when, by whom, created or changed."""

    version: int | None
    wall_time: str
    actor: str
    type: str


@dataclass(frozen=True)
class ItemWithHistory:
    item: CatalogueItem
    history: tuple[ItemVersion, ...]


def as_item(row: Row) -> CatalogueItem:
    return read_as(CatalogueItem, row, catalogue.JSON_COLUMNS)


def get_item(desk: Desk, code: str) -> CatalogueItem:
    """The item with this code, active or not (NotFound when the catalogue has none)."""
    return as_item(catalogue.get(desk, code))


def find_items(desk: Desk, text: str, include_inactive: bool = False, limit: int = SHOW_LIMIT) -> list[CatalogueItem]:
    """Items whose code, name, pinyin, initials or keywords contain the text, by code."""
    if not include_inactive:
        return [as_item(r) for r in catalogue.search(desk, text, limit)]
    rows = desk.db.query(
        f"SELECT * FROM catalogue_items WHERE {contains(desk.db, 'search_text')} ORDER BY code LIMIT ?",
        (search.normalise(text), limit),
    )
    return [as_item(r) for r in rows]


def item_history(desk: Desk, code: str) -> tuple[ItemVersion, ...]:
    """Each version of the item, oldest first."""
    return tuple(
        ItemVersion(json.loads(row["payload"]).get("version"), row["wall_time"], row["actor"], row["type"])
        for row in catalogue.history(desk, code)
    )


def item_with_history(desk: Desk, code: str) -> ItemWithHistory:
    return ItemWithHistory(get_item(desk, code), item_history(desk, code))

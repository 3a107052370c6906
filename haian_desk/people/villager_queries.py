"""Reading villagers: the search list, one villager with their household and their cases.

Reads only (writes go through haian_desk.people.villagers). Lists are capped: a
station may have thousands of villagers, and nobody scrolls through them all.
Rows come back as frozen records, their JSON columns decoded where the
projector decodes them (haian_desk.events.columns).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.cases import search
from haian_desk.events.columns import Row, read_as
from haian_desk.people import villagers

if TYPE_CHECKING:
    from haian_desk.desk import Desk

LIST_LIMIT = 200


@dataclass(frozen=True)
class Villager:
    id: str
    name: str
    id_number: str | None = None
    phone: str | None = None
    gender: str | None = None
    birth_date: str | None = None
    address: str | None = None
    unit_code: str | None = None
    household_no: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    active: int = 1


@dataclass(frozen=True)
class VillagerCase:
    """One line of a villager's case list."""

    id: str
    case_no: str
    kind: str
    status: str
    matter_name: str | None
    description: str
    registered_at: str
    deadline: str | None


@dataclass(frozen=True)
class VillagerProfile:
    villager: Villager
    household: tuple[Villager, ...]
    cases: tuple[VillagerCase, ...]


def as_villager(row: Row) -> Villager:
    return read_as(Villager, row, villagers.JSON_COLUMNS)


def villager_search(desk: Desk, text: str, limit: int | None = 20) -> list[Villager]:
    """Villagers the text finds (see haian_desk.cases.search for the rule), closest first; none for no text."""
    with desk.db.read() as conn:
        return [as_villager(r) for r in search.find_villagers(conn, text, limit)]


def find_villagers(desk: Desk, text: str, limit: int = LIST_LIMIT) -> list[Villager]:
    """Villagers matching the search box, or everyone in pinyin order when it is empty."""
    if text.strip():
        return villager_search(desk, text, limit)
    rows = desk.db.query("SELECT * FROM villagers WHERE active = 1 ORDER BY pinyin, name LIMIT ?", (limit,))
    return [as_villager(r) for r in rows]


def get_villager(desk: Desk, villager_id: str) -> Villager | None:
    row = desk.db.one("SELECT * FROM villagers WHERE id = ?", (villager_id,))
    return None if row is None else as_villager(row)


def household(desk: Desk, villager: Villager) -> tuple[Villager, ...]:
    """The others of the villager's household (same number in the same unit), eldest first."""
    if not villager.household_no:
        return ()
    rows = desk.db.query(
        "SELECT * FROM villagers WHERE household_no = ? AND coalesce(unit_code, '') = ? "
        "AND id != ? AND active = 1 ORDER BY birth_date",
        (villager.household_no, villager.unit_code or "", villager.id),
    )
    return tuple(as_villager(r) for r in rows)


def cases_of(desk: Desk, villager_id: str) -> tuple[VillagerCase, ...]:
    """Every case of the villager, newest first."""
    rows = desk.db.query(
        "SELECT id, case_no, kind, status, matter_name, description, registered_at, deadline "
        "FROM cases WHERE villager_id = ? ORDER BY registered_at DESC",
        (villager_id,),
    )
    return tuple(VillagerCase(**dict(r)) for r in rows)


def villager_profile(desk: Desk, villager_id: str) -> VillagerProfile | None:
    """The villager, the others of the same household, and every case of theirs (None: not here)."""
    villager = get_villager(desk, villager_id)
    if villager is None:
        return None
    return VillagerProfile(villager, household(desk, villager), cases_of(desk, villager_id))

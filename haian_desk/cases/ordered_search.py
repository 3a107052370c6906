"""A broad search's pages read in the queue's own order.

A search for one common character (生) finds 150,000 of a county's million
cases. Collecting every match and then sorting them (what the search keys do,
``search.case_clause``) reads all 150,000 before the first row can be shown.
The queue only needs the first 200 in its order: when that many matches are
about one case in seven, walking the order's index and testing each case
finds them after about 1,400 cases.

So for a needle estimated to find many cases (``is_broad``), a page is read
by walking the filtered queue in its order from the key before it, a chunk at
a time, keeping the cases the search rule (``search.case_found``, the same
rule the keys answer) says yes to. A narrow needle keeps the keys: walking
would read most of the county to find a handful.

Both ways return the same rows in the same order (tests/haian_desk/test_ordered_search.py).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from haian_desk.cases import queries, search

# Estimated cases found from which walking the order beats collecting every match.
BROAD = 12_000
FIRST_CHUNK = 400    # cases read per step of the walk, doubling up to LARGEST_CHUNK
LARGEST_CHUNK = 6_400


# Orders an index reads in order (migration 13 for the queue's default): walking any other
# order would sort the whole table for every chunk, so those keep the keys whatever the needle.
WALKABLE = ("registered_at", "case_no")


def is_broad(desk, needle: str, sort: str = "registered_at") -> bool:
    """Whether to walk: the order is one an index serves, and the needle finds many cases."""
    return sort in WALKABLE and search.estimated_cases(desk.db, needle, BROAD) >= BROAD


def page_after(desk, flt, now: datetime, last, limit: int) -> list:
    """What ``queries.page_after`` returns for ``flt`` (whose search is broad), by walking."""
    needle = search.normalise(flt.search)
    picked = _walk(desk, flt, now, last, limit, needle)
    if not picked:
        return []
    _, _, order = queries._order(flt)
    marks = ", ".join("?" * len(picked))
    return desk.db.query(f"SELECT {queries.QUEUE_COLUMNS} FROM cases c {queries._VILLAGER} "
                         f"WHERE c.rowid IN ({marks}) ORDER BY {order}", picked)


def _walk(desk, flt, now: datetime, last, limit: int, needle: str) -> list[int]:
    """The rowids of the next ``limit`` cases in the order that the needle finds."""
    plain = dataclasses.replace(flt, search="")
    column, _, order = queries._order(flt)
    field = queries.sort_field(flt)
    folded = ("coalesce((SELECT i.folded FROM case_text_ids i WHERE i.case_id = c.id), c.description)"
              if not needle.isascii() else "NULL")
    picked: list[int] = []
    chunk = FIRST_CHUNK
    while len(picked) < limit:
        where, params = plain.where(now)
        if last is not None:
            clause, values = queries._after(flt, last)
            where, params = f"{where} AND {clause}", params + values
        rows = desk.db.query(
            f"SELECT c.rowid AS picked, c.villager_id, c.case_no, {column} AS sort_value, {folded} AS folded "
            f"FROM cases c {queries._villager_join(plain, where)} WHERE {where} ORDER BY {order} LIMIT {chunk}",
            params)
        if not rows:
            break
        people = _villagers(desk, {r["villager_id"] for r in rows})
        for row in rows:
            if search.case_found(row, people.get(row["villager_id"]), needle, row["folded"]):
                picked.append(row["picked"])
                if len(picked) == limit:
                    break
        if len(rows) < chunk:
            break
        last = {field: rows[-1]["sort_value"], "case_no": rows[-1]["case_no"]}
        chunk = min(chunk * 2, LARGEST_CHUNK)
    return picked


def _villagers(desk, ids: set[str]) -> dict:
    found = {}
    ids = list(ids)
    for start in range(0, len(ids), 900):  # within SQLite's limit on parameters
        part = ids[start:start + 900]
        for row in desk.db.query("SELECT id, name, pinyin, initials, id_number, phone FROM villagers "
                                 f"WHERE id IN ({', '.join('?' * len(part))})", part):
            found[row["id"]] = row
    return found

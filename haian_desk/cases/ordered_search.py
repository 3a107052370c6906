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
from typing import TYPE_CHECKING

from haian_desk.cases import search
from haian_desk.cases.queue_order import QUEUE_COLUMNS, VILLAGER_JOIN, after, order_by, sort_field, villager_join
from haian_desk.cases.records import QueueRow, queue_rows

if TYPE_CHECKING:
    from haian_desk.cases.queue_order import CaseFilter
    from haian_desk.desk import Desk

# Estimated cases found from which walking the order beats collecting every match (the estimate
# counts keys, which runs high; measured at county scale, walking wins from about a tenth of the county).
BROAD = 40_000
FIRST_CHUNK = 800  # cases read by the first step of the walk; later steps as the rate found says
LARGEST_CHUNK = 6_400


# Orders an index reads in order (migration 13 for the queue's default): walking any other
# order would sort the whole table for every chunk, so those keep the keys whatever the needle.
WALKABLE = ("registered_at", "case_no")


def is_broad(desk: Desk, needle: str, sort: str = "registered_at") -> bool:
    """Whether to walk: the order is one an index serves, and the needle finds many cases."""
    return sort in WALKABLE and search.estimated_cases(desk.db, needle, BROAD) >= BROAD


def page_after(desk: Desk, flt: CaseFilter, now: datetime, last: dict | None, limit: int) -> list[QueueRow]:
    """What ``queries.page_after`` returns for ``flt`` (whose search is broad), by walking."""
    needle = search.normalise(flt.search)
    picked = _walk(desk, flt, now, last, limit, needle)
    if not picked:
        return []
    _, _, order = order_by(flt)
    marks = ", ".join("?" * len(picked))
    return queue_rows(
        desk.db.query(
            f"SELECT {QUEUE_COLUMNS} FROM cases c {VILLAGER_JOIN} WHERE c.rowid IN ({marks}) ORDER BY {order}",
            picked,
        )
    )


def _walk(desk: Desk, flt: CaseFilter, now: datetime, last: dict | None, limit: int, needle: str) -> list[int]:
    """The rowids of the next ``limit`` cases in the order that the needle finds."""
    plain = dataclasses.replace(flt, search="")
    column, _, order = order_by(flt)
    field = sort_field(flt)
    folded = (
        "coalesce((SELECT i.folded FROM case_text_ids i WHERE i.case_id = c.id), c.description)"
        if not needle.isascii()
        else "NULL"
    )
    picked: list[int] = []
    chunk, read = FIRST_CHUNK, 0
    while len(picked) < limit:
        where, params = plain.where(now)
        if last is not None:
            clause, values = after(flt, last)
            where, params = f"{where} AND {clause}", params + values
        # The villager comes along in the same statement (one index step a case, in SQLite).
        rows = desk.db.query(
            f"SELECT c.rowid AS picked, c.case_no, {column} AS sort_value, {folded} AS folded, "
            f"vw.id AS villager, vw.name, vw.pinyin, vw.initials, vw.id_number, vw.phone "
            f"FROM cases c {villager_join(plain, where)} LEFT JOIN villagers vw ON vw.id = c.villager_id "
            f"WHERE {where} ORDER BY {order} LIMIT {chunk}",
            params,
        )
        read += len(rows)
        for row in rows:
            if search.case_found(row, row if row["villager"] is not None else None, needle, row["folded"]):
                picked.append(row["picked"])
                if len(picked) == limit:
                    break
        if len(rows) < chunk:
            break
        last = {field: rows[-1]["sort_value"], "case_no": rows[-1]["case_no"]}
        chunk = _next_chunk(limit - len(picked), len(picked), read)
    return picked


def _next_chunk(wanted: int, found: int, read: int) -> int:
    """About as many cases as the rate found so far says the rest of the page needs."""
    rate = max(found / read, 0.02) if read else 0.02
    return max(FIRST_CHUNK // 2, min(LARGEST_CHUNK, int(wanted / rate * 1.25) + 1))

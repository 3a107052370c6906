"""A search's pages read from the search order table (haian_desk.cases.search_order).

Two reads, chosen by how many cases the needle is estimated to find:

- broad (生, 王, sh: thousands and more): the table backwards, newest first,
  keeping the rows whose text holds the needle and that ``search.case_found``
  says yes to; at one case in fifty, a page is 10,000 small rows.
- middling (欧, zjf, sunjia, 王丽: a thousand or a few): the table's rows of the
  villagers the keys find (its index by villager: a step or two each), with
  the cases found by number or description, sorted: no case row is fetched to
  learn its date.

A narrow needle (an ID number, a rare name) keeps the keys (``queries``): they
collect a few hundred cases faster than either. An upgraded database's table
holds its newest cases only; a page found short there is finished below them
the way it was read before (``rest``).
"""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from haian_desk.cases import ordered_search, search, search_order
from haian_desk.cases.queue_order import QUEUE_COLUMNS, VILLAGER_JOIN
from haian_desk.cases.records import QueueRow, queue_rows

if TYPE_CHECKING:
    from haian_desk.cases.queue_order import CaseFilter
    from haian_desk.desk import Desk

# Estimated cases found from which the table is read backwards (at about 0.3 µs a row for
# 200 / rate rows; below it the keys collect every match, at about 8 µs a case, sooner), and up to
# which it is read by villager instead when it can be (a few µs a villager found, and the few
# cases found by number or description). Measured at county scale.
FROM_ORDER = 2_000
SCAN_FROM = 6_000
# Read by villager from this estimate: one page expected among the newest cases, at least this many.
BY_VILLAGER_FROM = 500
# Descriptions holding a middling needle that the read by villager fetches one by one at most.
FEW_DESCRIPTIONS = 1_000


class Plan(NamedTuple):
    start: str  # the registration time from which the table holds every case ('' : all)
    by_villager: bool


def plan(desk: Desk, flt: CaseFilter, needle: str, last, limit: int) -> Plan | None:
    """How the table should answer this page; None if it should not."""
    start = _start(desk, flt, last)
    if start is None:
        return None
    share = _share(desk, start)
    # Read backwards, the newest cases should hold about two pages of the needle, or the read
    # goes through all of them and still asks the keys for the rest. Read by villager, a page
    # found short costs little more than the keys alone.
    scan_from = max(FROM_ORDER, math.ceil(2 * limit / share))
    by_villager_from = max(BY_VILLAGER_FROM, math.ceil(limit / share))
    estimate = search.estimated_cases(desk.db, needle, max(scan_from, SCAN_FROM))
    if estimate >= max(scan_from, SCAN_FROM):
        return Plan(start, by_villager=False)
    if estimate >= by_villager_from and _few_elsewhere(desk, needle):
        return Plan(start, by_villager=True)
    return Plan(start, by_villager=False) if estimate >= scan_from else None


def _start(desk: Desk, flt: CaseFilter, last) -> str | None:
    if flt.sort != "registered_at":
        return None
    with desk.db.read() as conn:
        start = search_order.covered_from(conn)
    if start is None or not (flt.descending or start == ""):
        return None  # not filled yet, or oldest first while the oldest are not in it
    if last is not None and last["registered_at"] < start:
        return None  # an older page: the table has not every case there
    return start


def _share(desk: Desk, start: str) -> float:
    """About what part of the cases the table holds (the highest rowid stands for the count)."""
    if start == "":
        return 1.0
    return min(1.0, search_order.WINDOW / max(1, desk.db.scalar("SELECT max(rowid) FROM cases") or 1))


def _few_elsewhere(desk: Desk, needle: str) -> bool:
    """Whether the cases found by number or description are few (no digits; few descriptions)."""
    if any(ch.isdigit() for ch in needle):
        return False
    return search.description_count(desk.db, needle, FEW_DESCRIPTIONS) < FEW_DESCRIPTIONS


def page(desk: Desk, flt: CaseFilter, now: datetime, last, limit: int, how: Plan, rest) -> list[QueueRow]:
    """What ``queries.page_after`` returns, read from the table while it has every case.

    Found fewer than ``limit`` before the table's start: ``rest`` (the page as it is read
    without the table) gives the others, after the oldest case the table holds.
    """
    needle = search.normalise(flt.search)
    if how.by_villager:
        rows = _by_villager(desk, flt, now, last, limit, needle, how.start)
    else:
        rows = ordered_search.rows_of(desk, flt, _backwards(desk, flt, now, last, limit, needle, how.start))
    if len(rows) < limit and how.start:
        rows += rest(desk, flt, now, {"registered_at": how.start, "case_no": ""}, limit - len(rows))
    return rows


def _filter(flt: CaseFilter, now: datetime, last, table: str) -> tuple[str, list]:
    """The filter without its search, and the keyset clause on ``table``'s columns."""
    where, params = dataclasses.replace(flt, search="").where(now)
    if last is not None:
        where += f" AND ({table}.registered_at, {table}.case_no) {'<' if flt.descending else '>'} (?, ?)"
        params += [last["registered_at"], last["case_no"]]
    return where, params


def _backwards(desk: Desk, flt: CaseFilter, now: datetime, last, limit: int, needle: str, start: str) -> list[int]:
    where, params = _filter(flt, now, last, "o")
    direction = "DESC" if flt.descending else "ASC"
    # The case row is looked up only for a row whose text holds the needle (the filter, the rowid).
    sql = (
        "SELECT o.case_no, o.text, c.rowid AS picked FROM case_search_order o CROSS JOIN cases c "
        "ON c.case_no = o.case_no WHERE o.registered_at >= ? AND (instr(o.text, ?) > 0 OR instr(o.case_no, ?) > 0) "
        f"AND {where} ORDER BY o.registered_at {direction}, o.case_no {direction}"
    )
    picked: list[int] = []
    with desk.db.read() as conn:
        cursor = conn.execute(sql, [start, needle, needle, *params])
        try:
            for row in cursor:
                villager, folded = search_order.parts_of(row["text"])
                if search.case_found(row, villager, needle, folded):
                    picked.append(row["picked"])
                    if len(picked) == limit:
                        break
        finally:
            cursor.close()
    return picked


def _by_villager(
    desk: Desk, flt: CaseFilter, now: datetime, last, limit: int, needle: str, start: str
) -> list[QueueRow]:
    people, params = search.villager_clause(needle)
    parts, values = search.case_parts(needle, "registered_at, case_no")
    found = " UNION ".join(
        [f"SELECT registered_at, case_no FROM case_search_order WHERE villager_id IN ({people})", *parts]
    )
    where, more = _filter(flt, now, last, "f")
    direction = "DESC" if flt.descending else "ASC"
    order = f"ORDER BY f.registered_at {direction}, f.case_no {direction}"
    # Sorted and cut to a page before any case row is read, unless the filter needs the rows.
    filtered = "" if _unfiltered(flt) else "CROSS JOIN cases c ON c.case_no = f.case_no"
    page = (
        f"SELECT f.registered_at, f.case_no FROM ({found}) f {filtered} "
        f"WHERE f.registered_at >= ? AND {where} {order} LIMIT {int(limit)}"
    )
    sql = f"SELECT {QUEUE_COLUMNS} FROM ({page}) f CROSS JOIN cases c ON c.case_no = f.case_no {VILLAGER_JOIN} {order}"
    return queue_rows(desk.db.query(sql, [*params, *values, start, *more]))


def _unfiltered(flt: CaseFilter) -> bool:
    return dataclasses.replace(flt, search="") == type(flt)(sort=flt.sort, descending=flt.descending)

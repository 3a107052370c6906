"""Reading cases: the queue with its filters, search, counts and one case's timeline.

The queue pages by key (``page_after``): each page starts after the sort key of
the row before it, so the millionth row costs what the first does, and a screen
never holds the whole table. ``page`` with an offset is kept for one-off reads
(the CLI, tests comparing against it); the queue screen never uses it.
``bounds`` walks the order once and returns the key at every page boundary, so
a page far down can be read again by key. "Now" is always passed in, so what is
overdue is decided by the caller's clock, once. Pages come back as ``QueueRow``
records and a case as a ``Case`` (haian_desk.cases.records), frozen, its JSON
columns decoded by the case projector.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk.cases import first_page, ordered_search
from haian_desk.cases.queue_order import (
    QUEUE_COLUMNS,
    SORTABLE,  # noqa: F401  (the queue screens offer these sorts: queries.SORTABLE)
    VILLAGER_JOIN,
    CaseFilter,
    after,
    normalise_search,
    order_by,
    sort_field,
    villager_join,
)
from haian_desk.cases.records import Case, QueueRow, queue_rows
from haian_desk.core.errors import NotFound
from haian_desk.core.normalise import case_number_text
from haian_desk.events.columns import as_record
from haian_desk.events.projection import projectors
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

_BASE = "FROM cases c JOIN villagers v ON v.id = c.villager_id"
# A page's cases are picked by their row key, then joined to what the page shows: SQLite's
# rowid (its tables are ordered by it), a hub's PostgreSQL database by the case id.
_ROW_KEY = {"sqlite": "rowid", "postgres": "id"}


def _key(desk: Desk) -> str:
    return _ROW_KEY[desk.db.dialect]


def _where(desk: Desk, flt: CaseFilter, now: datetime) -> tuple[str, list]:
    return flt.where(now, dialect=desk.db.dialect)


def _keyed_search(desk: Desk) -> bool:
    """Whether the search keys and the search order table are there (SQLite: a station or a
    township); a hub on PostgreSQL answers a search by a plain scan (``search.scanned_case_clause``)."""
    return desk.db.dialect == "sqlite"


def count(desk: Desk, flt: CaseFilter, now: datetime) -> int:
    where, params = _where(desk, flt, now)
    return desk.db.scalar(f"SELECT count(*) FROM cases c {villager_join(flt, where)} WHERE {where}", params)


def page(desk: Desk, flt: CaseFilter, now: datetime, offset: int = 0, limit: int = 200) -> list[QueueRow]:
    where, params = _where(desk, flt, now)
    return _page(desk, flt, where, params, f"LIMIT {int(limit)} OFFSET {int(offset)}")


def page_after(
    desk: Desk, flt: CaseFilter, now: datetime, last: dict | QueueRow | None = None, limit: int = 200
) -> list[QueueRow]:
    """The page that follows row ``last`` of the previous one, or its ``key_of`` (None: the first page).

    Keyset paging: it costs the same at the millionth row as at the first,
    where ``page`` with an offset reads and skips every row before it. A broad
    search (王, sh: thousands of cases) is answered by reading the search order
    table (``search_order``: the cases in the queue's order with the text a
    search tests) newest first, instead of collecting every match before the
    first row can be shown; below the table's oldest case, by walking the
    queue's own order (``ordered_search``).
    """
    if isinstance(last, QueueRow):
        last = key_of(flt, last)
    needle = normalise_search(flt.search)
    how = first_page.plan(desk, flt, needle, last, limit) if needle and _keyed_search(desk) else None
    if how is not None:
        return first_page.page(desk, flt, now, last, limit, how, page_after_without_table)
    return page_after_without_table(desk, flt, now, last, limit)


def page_after_without_table(
    desk: Desk, flt: CaseFilter, now: datetime, last: dict | None = None, limit: int = 200
) -> list[QueueRow]:
    """``page_after`` without the search order table: the keys, or a walk of the queue's order."""
    needle = normalise_search(flt.search)
    if needle and _keyed_search(desk) and ordered_search.is_broad(desk, needle, flt.sort):
        return ordered_search.page_after(desk, flt, now, last, limit)
    where, params = _where(desk, flt, now)
    if last is not None:
        clause, values = after(flt, last)
        where, params = f"{where} AND {clause}", params + values
    return _page(desk, flt, where, params, f"LIMIT {int(limit)}")


def key_of(flt: CaseFilter, row: QueueRow) -> dict:
    """Just what ``page_after`` needs of a row: its sort value and case number (small, kept per page)."""
    field = sort_field(flt)
    return {field: getattr(row, field), "case_no": row.case_no}


def bounds(desk: Desk, flt: CaseFilter, now: datetime, every: int, reach: int | None = None) -> list[dict]:
    """The keys of rows ``every``, ``2 * every`` … (1-based) in the filter's order, up to row ``reach``.

    One pass in SQLite (a window over the order, nothing but every ``every``-th
    row handed back), so a queue can re-read any page by key after a refresh
    without reading every row before it into Python.
    """
    where, params = _where(desk, flt, now)
    column, _, order = order_by(flt)
    limit = f"LIMIT {int(reach)}" if reach is not None else ""
    key = _key(desk)
    sql = (
        f"SELECT {column} AS sort_value, c.case_no FROM (SELECT c.{key} AS picked, "
        f"row_number() OVER (ORDER BY {order}) AS n FROM cases c {villager_join(flt, where)} "
        f"WHERE {where} ORDER BY {order} {limit}) AS numbered JOIN cases c ON c.{key} = picked {VILLAGER_JOIN} "
        f"WHERE n % {int(every)} = 0 ORDER BY n"
    )
    field = sort_field(flt)
    return [{field: r["sort_value"], "case_no": r["case_no"]} for r in desk.db.query(sql, params)]


def _page(desk: Desk, flt: CaseFilter, where: str, params: list, limit: str) -> list[QueueRow]:
    _, _, order = order_by(flt)
    key = _key(desk)
    # Pick the page's cases by their own indexes, then join the villagers for those rows only.
    sql = (
        f"SELECT {QUEUE_COLUMNS} FROM (SELECT c.{key} AS picked FROM cases c "
        f"{villager_join(flt, where)} WHERE {where} ORDER BY {order} {limit}) AS page "
        f"JOIN cases c ON c.{key} = picked {VILLAGER_JOIN} ORDER BY {order}"
    )
    return queue_rows(desk.db.query(sql, params))


def deadline_counts(desk: Desk, now: datetime) -> dict[str, int]:
    """The two numbers the status bar always shows."""
    return {
        "overdue": count(desk, CaseFilter(overdue=True), now),
        "due_soon": count(desk, CaseFilter(due_soon=True), now),
    }


def get_case(desk: Desk, case_id: str) -> Case:
    """The case with its JSON columns decoded, as the case projector reads its row."""
    row = desk.db.one(f"SELECT c.*, v.name AS villager {_BASE} WHERE c.id = ?", (case_id,))
    if row is None:
        raise NotFound("找不到这件办件")
    state = projectors()["case"].from_row(row)
    assert state is not None  # a row of the cases table always folds to a case
    return as_record(Case, state)


def find_by_number(desk: Desk, case_no: str) -> Case:
    row = desk.db.one("SELECT id FROM cases WHERE case_no = ?", (case_number_text(case_no),))
    if row is None:
        raise NotFound("没有编号为 {case_no} 的办件", "请核对编号", params={"case_no": case_no})
    return get_case(desk, row["id"])


def timeline(desk: Desk, case_id: str) -> list[Event]:
    rows = desk.db.query(
        "SELECT id, stream, stream_id, type, hlc, origin, origin_seq, actor, wall_time, payload "
        "FROM events WHERE stream = 'case' AND stream_id = ? ORDER BY hlc, origin, origin_seq",
        (case_id,),
    )
    return [Event.from_row(r) for r in rows]


def as_json_row(row: QueueRow) -> dict:
    """The shape ``haian-desk cases --json`` prints."""
    return {
        "case_no": row.case_no,
        "kind": row.kind,
        "status": row.status,
        "deadline": row.deadline,
        "villager": row.villager,
        "matter": row.matter_name,
        "registered_at": row.registered_at,
        "urgency": row.urgency,
        "holder": row.holder,
        "flags": [f for f in ("long_standing", "petition", "followup_open") if getattr(row, f)],
    }

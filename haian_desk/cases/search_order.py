"""The cases in the queue's order, each with the text a search tests: a first page in one read.

A search for one character (峰: 38,000 of a county's million cases) used to
collect every match from the search keys and sort them by date, or walk the
queue's order fetching each case, its villager and its folded description
(three or four lookups a case) to test it. Here every case is one small row
of ``case_search_order``, keyed the way the queue shows cases (registered,
then the case number) and carrying what ``search.case_found`` tests (the
villager's folded name, readings, initials, ID number and phone, and the
folded description): a first page is a read of that table backwards, newest
first, keeping the rows whose text holds the needle (an ``instr`` in SQLite)
and that the rule itself then says yes to.

The rows follow the cases and villagers they copy in the ledger's transaction
(``saved``). A database that had cases before this table (migration 16) gets
rows for its newest ``WINDOW`` cases once, at the next open: filling a
county's million would take minutes; the newest 200,000, seconds.
``meta.case_search_order_from`` says from which registration time every case
has its row ('' : all of them); a reader never goes below it, and an older
page is read the way it was before (``ordered_search``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from haian_desk.core.normalise import search_text

# Between the fields of a row's text: whitespace to str.split(), so no normalised needle contains it.
SEPARATOR = "\x1f"
# Cases an older database's newest rows cover after the upgrade (a fifth of a county: about
# 7 s once at county scale; a needle broad enough to be read from here has two pages in them).
WINDOW = 200_000
COVERED_FROM = "case_search_order_from"

Row = Mapping[str, Any]


def text_of(description: str, villager: Row | None) -> str:
    """The row's text: villager fields (empty when the villager has not arrived), then the description."""
    return _villager_text(villager) + SEPARATOR + search_text(description)


def _villager_text(villager: Row | None) -> str:
    if villager is None or villager["name"] is None:
        return SEPARATOR * 4
    return SEPARATOR.join(
        (
            _folded_name(villager["name"]),
            villager["pinyin"],
            villager["initials"],
            (villager["id_number"] or "").lower(),
            villager["phone"] or "",
        )
    )


@lru_cache(maxsize=65536)
def _folded_name(name: str) -> str:
    return search_text(name)  # names repeat across a county: a fill folds each once


def parts_of(text: str) -> tuple[dict, str]:
    """(villager fields as ``search.matches`` reads them, folded description) of a row's text.

    A villager not arrived yet reads as all fields empty, which ``search.matches`` says no to
    for any needle, as ``search.case_found`` does for a missing villager.
    """
    name, pinyin, initials, id_number, phone, folded = text.split(SEPARATOR)
    return {"name": name, "pinyin": pinyin, "initials": initials, "id_number": id_number, "phone": phone}, folded


def covered_from(conn) -> str | None:
    """The registration time from which every case has its row ('' : all); None: not filled yet."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (COVERED_FROM,)).fetchone()
    return None if row is None else row[0]


# --- keeping the rows in step (search.saved_all calls these after the projection rows are written) ---
#
# Written for many rows at once (a sync batch brings hundreds): one statement per table
# and batch, not one per row. Each record comes at most once in a call; the villagers
# table already holds the rows being saved, so a case reads its villager as saved.


def case_saved(conn: sqlite3.Connection, before: Row | None, after: Row | None) -> None:
    cases_saved(conn, [(before, after)])


def villager_saved(conn: sqlite3.Connection, before: Row | None, after: Row | None) -> None:
    """The rows of the villager's cases take the new name, readings and numbers (a villager has a few).

    A villager who arrives after their cases (sync) fills in rows written without them.
    """
    villagers_saved(conn, [(before, after)])


def cases_saved(conn: sqlite3.Connection, changes: Iterable[tuple[Row | None, Row | None]]) -> None:
    changed = [(before, after) for before, after in changes if not _same(before, after, _CASE_FIELDS)]
    conn.executemany(
        "DELETE FROM case_search_order WHERE registered_at = ? AND case_no = ?",
        [(before["registered_at"], before["case_no"]) for before, _ in changed if before is not None],
    )
    afters = [after for _, after in changed if after is not None]
    if not afters:
        return
    people = rows_with(
        conn,
        "SELECT id, name, pinyin, initials, id_number, phone FROM villagers WHERE id IN",
        sorted({after["villager_id"] for after in afters}),
    )
    found: dict[str, Any] = {row["id"]: row for row in people}
    rows = (
        (a["registered_at"], a["case_no"], a["villager_id"], text_of(a["description"], found.get(a["villager_id"])))
        for a in afters
    )
    _insert(conn, sorted(rows))  # in key order: each insert lands next to the one before


_CASE_FIELDS = ("registered_at", "case_no", "description", "villager_id")


def villagers_saved(conn: sqlite3.Connection, changes: Iterable[tuple[Row | None, Row | None]]) -> None:
    heads: dict[str, str] = {}
    for before, after in changes:
        villager = after if after is not None else before
        if villager is not None and not _same(before, after, _VILLAGER_COLUMNS):
            heads[villager["id"]] = _villager_text(after)
    if not heads:
        return
    select = "SELECT registered_at, case_no, villager_id, text FROM case_search_order WHERE villager_id IN"
    rows = rows_with(conn, select, list(heads))
    updates = []
    for row in rows:
        text = heads[row["villager_id"]] + SEPARATOR + row["text"].rsplit(SEPARATOR, 1)[1]
        if text != row["text"]:  # a case saved in the same batch already reads its villager as saved
            updates.append((text, row["registered_at"], row["case_no"]))
    conn.executemany("UPDATE case_search_order SET text = ? WHERE registered_at = ? AND case_no = ?", updates)


_VILLAGER_COLUMNS = ("name", "pinyin", "initials", "id_number", "phone")


def _same(before: Row | None, after: Row | None, fields: tuple[str, ...]) -> bool:
    """Both present and equal in ``fields`` (a status, a deadline, a note: nothing the rows hold)."""
    return before is not None and after is not None and all(before[f] == after[f] for f in fields)


def rows_with(conn: sqlite3.Connection, select: str, values: list, size: int = 500) -> list[sqlite3.Row]:
    """``select`` (ending in ``IN``) for many values: a statement per ``size`` of them, not one each."""
    rows: list[sqlite3.Row] = []
    for start in range(0, len(values), size):
        chunk = values[start : start + size]
        rows += conn.execute(f"{select} ({', '.join('?' * len(chunk))})", chunk).fetchall()
    return rows


def _insert(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str]]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO case_search_order (registered_at, case_no, villager_id, text) VALUES (?, ?, ?, ?)",
        rows,
    )


# --- filling ---------------------------------------------------------------------------------


def fill(conn: sqlite3.Connection, window: int | None) -> str:
    """(Re)fill the rows of the newest ``window`` cases (None: every case); returns the time covered from.

    Villagers are read in one pass rather than looked up case by case (at county scale
    2 s instead of 5), and each distinct description is folded once.
    """
    conn.execute("DELETE FROM case_search_order")
    start = _window_start(conn, window)
    cases = conn.execute(
        "SELECT registered_at, case_no, description, villager_id FROM cases WHERE registered_at >= ?", (start,)
    ).fetchall()
    wanted = {row[3] for row in cases}
    people = {
        row["id"]: _villager_text(row)
        for row in conn.execute("SELECT id, name, pinyin, initials, id_number, phone FROM villagers")
        if row["id"] in wanted
    }
    absent = _villager_text(None)
    folded: dict[str, str] = {}
    rows = sorted(
        (at, number, villager, people.get(villager, absent) + SEPARATOR + _fold_once(folded, description))
        for at, number, description, villager in cases
    )
    _insert(conn, rows)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (COVERED_FROM, start))
    return start


def _fold_once(folded: dict[str, str], description: str) -> str:
    if description not in folded:
        folded[description] = search_text(description)
    return folded[description]


def _window_start(conn: sqlite3.Connection, window: int | None) -> str:
    if window is None:
        return ""
    row = conn.execute(
        "SELECT registered_at FROM cases ORDER BY registered_at DESC, case_no DESC LIMIT 1 OFFSET ?", (window - 1,)
    ).fetchone()
    return "" if row is None else row[0]  # fewer cases than the window: all of them


def bring_up_to_date(db) -> bool:
    """Fill the rows once after the upgrade to migration 16; True if it did."""
    with db.read() as conn:
        if covered_from(conn) is not None:
            return False
    with db.write() as conn:
        if covered_from(conn) is not None:
            return False  # another process on the same file did it first
        fill(conn, WINDOW)
    return True

"""Search that stays quick at county scale: keys kept beside the villagers and cases.

What a search finds (the rule, written once, here):

- a villager when the text is part of the name; the start of one of the name's
  pinyin readings (``zhangsan``, ``zhang``); part of one of its initials
  (``zs``, ``sf``); the start, the birth-date part (from the 7th character) or
  the end of the ID number; the start or the end of the phone number;
- a case when it finds the case's villager; when the text starts the case
  number or its date part (``102210-260304-001``, ``260304-001``); or, for a
  text with a Chinese (any non-ASCII) character in it, when it is part of the
  case's description. Descriptions are Chinese prose: letters and digits alone
  are spellings, numbers and codes, which name people and cases, and looking
  for them in every description would cost a read of a million documents.

Both sides are compared in one form (``normalise.search_text``): NFKC (full-width
letters and digits as ASCII), case folded (村口ABC超市 is found by ``abc超市``), no
spaces, no invisible characters.

How: every villager has a few *keys* (each suffix of the name and of each
initials reading, each pinyin reading, the ID number from its start and from
its birth date, the phone, and the ID number and phone written backwards) in
``villager_search_keys``; a search is a range scan for keys that start with the
text. Descriptions are in an FTS5 table with one token per character, so a
phrase query finds any run of characters. The ledger keeps both in step with
the projections (``saved``; a sync batch all at once, ``saved_all``) in the same transaction as the event; migration 5
fills them for an existing database. When the keys' recipe changes (version 6:
surname readings, given-name readings, folded descriptions), ``KEYS_VERSION``
moves on and ``bring_up_to_date`` rebuilds them once when the database is opened.

A plain scan with ``instr`` over half a million villagers and a million cases
takes a quarter to half a second a query; these keys answer in milliseconds
(bench/bench_search.py measures both).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from haian_desk.cases import search_order
from haian_desk.core.normalise import search_text

# Marks a key written backwards (the end of an ID number or phone). str.split()
# treats it as a space, so nothing a clerk types can contain it.
REVERSED = "\x1f"

Row = Mapping[str, Any]


def normalise(text: str) -> str:
    """What a clerk types, in the form keys are stored in."""
    return search_text(text)


def folded_description(description: str) -> str:
    """A description in the form a needle is compared with."""
    return search_text(description)


# --- the rule, as plain Python (the reference the index is tested against) ---------------


def matches(villager: Row, needle: str) -> bool:
    """Whether a villager row answers ``needle`` (already normalised)."""
    if not needle:
        return False
    id_number = (villager["id_number"] or "").lower()
    phone = villager["phone"] or ""
    return (
        needle in _folded_name(villager["name"])
        or any(reading.startswith(needle) for reading in villager["pinyin"].split())
        or any(needle in word for word in villager["initials"].split())
        or bool(id_number)
        and (id_number.startswith(needle) or id_number.endswith(needle) or id_number[6:].startswith(needle))
        or bool(phone)
        and (phone.startswith(needle) or phone.endswith(needle))
    )


@lru_cache(maxsize=65536)
def _folded_name(name: str) -> str:
    # Names repeat across a county; a broad search tests thousands of rows in the queue's order.
    return search_text(name)


# --- keys ---------------------------------------------------------------------------------


def villager_keys(villager: Row) -> set[str]:
    """The keys a villager row is found by: a text finds it when a key starts with the text."""
    name = search_text(villager["name"])
    keys = {name[i:] for i in range(len(name))}
    keys.update(villager["pinyin"].split())
    for word in villager["initials"].split():
        keys.update(word[i:] for i in range(len(word)))
    id_number = (villager["id_number"] or "").lower()
    if id_number:
        keys.update((id_number, id_number[6:], REVERSED + id_number[::-1]))
    phone = villager["phone"] or ""
    if phone:
        keys.update((phone, REVERSED + phone[::-1]))
    keys.discard("")
    return keys


def spaced(text: str) -> str:
    """A description as the FTS table stores it: one token per character."""
    return " ".join(text)


def _phrase(needle: str) -> str:
    """The FTS5 phrase for a needle with at least one non-ASCII character.

    The ``ascii`` tokenizer keeps ASCII letters and digits and every non-ASCII
    character; other ASCII characters (``-``, ``"``) separate tokens.
    """
    return '"' + " ".join(ch for ch in needle if not ch.isascii() or ch.isalnum()) + '"'


def key_range(prefix: str) -> tuple[str, str]:
    """Keys that start with ``prefix`` lie in [low, high): the same text with its last character bumped."""
    last = ord(prefix[-1])
    bumped = last + 1 if last + 1 not in range(0xD800, 0xE000) else 0xE000
    return prefix, prefix[:-1] + chr(min(bumped, 0x10FFFF))


def _ranges(needle: str) -> list[tuple[str, str]]:
    return [key_range(needle), key_range(REVERSED + needle[::-1])]


def villager_clause(needle: str) -> tuple[str, list]:
    """A subquery of the ids of the villagers ``needle`` (normalised) finds, from their keys."""
    (low, high), (back_low, back_high) = _ranges(needle)
    return (
        "SELECT m.villager_id FROM villager_search_keys k JOIN villager_numbers m ON m.n = k.n"
        " WHERE k.key >= ? AND k.key < ? OR k.key >= ? AND k.key < ?",
        [low, high, back_low, back_high],
    )


# --- keeping the keys in step (called by the ledger after every projection write) ----------
#
# One path for one row (an intake) and for a sync batch's hundreds: per table, a statement
# per batch (an executemany, or a select of many ids), not a few per row.

Change = tuple[str, Row | None, Row | None]  # (stream, row before, row after; None: absent)


def saved(conn: sqlite3.Connection, stream: str, before: Row | None, after: Row | None) -> None:
    """A projection row changed from ``before`` to ``after`` (None: absent)."""
    saved_all(conn, [(stream, before, after)])


def saved_all(conn: sqlite3.Connection, changes: Iterable[Change]) -> None:
    """Many projection rows changed, each record at most once, their new rows already written."""
    changes = list(changes)
    villagers = [(before, after) for stream, before, after in changes if stream == "villager"]
    cases = [(before, after) for stream, before, after in changes if stream == "case"]
    _villagers_saved(conn, villagers)
    _cases_saved(conn, cases)
    search_order.cases_saved(conn, cases)
    search_order.villagers_saved(conn, villagers)  # after the cases: fills in those that came first


def needs_before(stream: str) -> bool:
    return stream in ("villager", "case")


def _villagers_saved(conn, changes) -> None:
    keyed = []
    for before, after in changes:
        old = villager_keys(before) if before else set()
        new = villager_keys(after) if after else set()
        if old != new or (before is None) != (after is None):
            keyed.append(((after or before)["id"], old, new, after is None))
    if not keyed:
        return
    numbers = _numbers(conn, "villager_numbers", "villager_id", [(villager_id,) for villager_id, *_ in keyed])
    gone = sorted((key, numbers[villager_id]) for villager_id, old, new, _ in keyed for key in old - new)
    added = sorted((key, numbers[villager_id]) for villager_id, old, new, _ in keyed for key in new - old)
    conn.executemany("DELETE FROM villager_search_keys WHERE key = ? AND n = ?", gone)
    conn.executemany("INSERT OR IGNORE INTO villager_search_keys (key, n) VALUES (?, ?)", added)  # in key order
    removed = [(numbers[villager_id],) for villager_id, _, _, gone_now in keyed if gone_now]
    conn.executemany("DELETE FROM villager_numbers WHERE n = ?", removed)


def _cases_saved(conn, changes) -> None:
    texts = []
    for before, after in changes:
        old = before["description"] if before else None
        new = after["description"] if after else None
        if old != new:
            folded = folded_description(new) if new is not None else None
            texts.append(((after or before)["id"], old, new, folded))
    if not texts:
        return
    numbers = _numbers(
        conn,
        "case_text_ids",
        "case_id",
        [(case_id, _unless_same(folded, new)) for case_id, _, new, folded in texts],
        also="folded",
    )
    conn.executemany(
        "INSERT INTO case_text (case_text, rowid, chars) VALUES ('delete', ?, ?)",
        [(numbers[case_id], spaced(folded_description(old))) for case_id, old, _, _ in texts if old is not None],
    )
    conn.executemany(
        "INSERT INTO case_text (rowid, chars) VALUES (?, ?)",
        [(numbers[case_id], spaced(folded)) for case_id, _, _, folded in texts if folded is not None],
    )
    conn.executemany(
        "DELETE FROM case_text_ids WHERE n = ?", [(numbers[case_id],) for case_id, _, new, _ in texts if new is None]
    )


def _unless_same(folded: str | None, description: str | None) -> str | None:
    """Most descriptions are Chinese prose already in folded form: keep a copy only when it differs."""
    return None if folded == description else folded


def _numbers(conn, table: str, column: str, rows: list[tuple], also: str | None = None) -> dict[str, int]:
    """The small stable numbers standing for records in the search tables, new ones numbered in turn.

    ``rows`` are (record id,) or, with ``also``, (record id, that column's new value)."""
    if also is None:
        conn.executemany(f"INSERT OR IGNORE INTO {table} ({column}) VALUES (?)", rows)
    else:
        conn.executemany(
            f"INSERT INTO {table} ({column}, {also}) VALUES (?, ?)"
            f" ON CONFLICT ({column}) DO UPDATE SET {also} = excluded.{also}",
            rows,
        )
    found = search_order.rows_with(conn, f"SELECT {column}, n FROM {table} WHERE {column} IN", [r[0] for r in rows])
    return {row[0]: row[1] for row in found}


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill the search tables from the projections (a bulk load; the migration does it in SQL)."""
    conn.execute("DELETE FROM villager_search_keys")
    conn.execute("DELETE FROM villager_numbers")
    conn.execute("DELETE FROM case_text_ids")
    conn.execute("INSERT INTO case_text (case_text) VALUES ('delete-all')")
    conn.execute("INSERT INTO villager_numbers (villager_id) SELECT id FROM villagers ORDER BY rowid")
    rows = conn.execute(
        "SELECT m.n, v.name, v.pinyin, v.initials, v.id_number, v.phone "
        "FROM villagers v JOIN villager_numbers m ON m.villager_id = v.id"
    )
    conn.executemany(
        "INSERT OR IGNORE INTO villager_search_keys (key, n) VALUES (?, ?)",
        ((key, row["n"]) for row in rows for key in villager_keys(row)),
    )
    conn.execute("INSERT INTO case_text_ids (case_id) SELECT id FROM cases ORDER BY rowid")
    rows = conn.execute("SELECT i.n, c.description FROM cases c JOIN case_text_ids i ON i.case_id = c.id")
    folded = [(row[0], row[1], folded_description(row[1])) for row in rows]
    conn.executemany("INSERT INTO case_text (rowid, chars) VALUES (?, ?)", ((n, spaced(text)) for n, _, text in folded))
    conn.executemany(
        "UPDATE case_text_ids SET folded = ? WHERE n = ?",
        ((text, n) for n, description, text in folded if text != description),
    )
    conn.execute("INSERT INTO case_text (case_text) VALUES ('optimize')")
    search_order.fill(conn, window=None)


# --- finding ------------------------------------------------------------------------------

_VILLAGERS_BY_KEY = """
    SELECT v.* FROM villager_search_keys k
    JOIN villager_numbers m ON m.n = k.n
    JOIN villagers v ON v.id = m.villager_id
    WHERE k.key >= ? AND k.key < ? {active}
    ORDER BY k.key, k.n"""


def find_villagers(
    conn: sqlite3.Connection, text: str, limit: int | None = 20, active_only: bool = True
) -> list[sqlite3.Row]:
    """Villagers the text finds, closest first: keys in order, forward keys before backward ones.

    "Closest" is the order of the matching key: ``张三`` (key 三) before
    ``张三丰`` (key 三丰) for 三, the exact reading before longer ones.
    """
    needle = normalise(text)
    if not needle:
        return []
    found: dict[str, sqlite3.Row] = {}
    sql = _VILLAGERS_BY_KEY.format(active="AND v.active = 1" if active_only else "")
    for low, high in _ranges(needle):
        for row in _stream(conn, sql, (low, high)):
            found.setdefault(row["id"], row)
            if limit is not None and len(found) >= limit:
                return list(found.values())
    return list(found.values())


def _stream(conn, sql: str, params: tuple) -> Iterator[sqlite3.Row]:
    """Rows one at a time, so a search for 王 stops after the first twenty."""
    cursor = conn.execute(sql, params)
    try:
        yield from cursor
    finally:
        cursor.close()


def case_clause(text: str, alias: str = "c") -> tuple[str, list]:
    """An SQL condition on ``cases {alias}`` that holds for exactly the cases the text finds."""
    needle = normalise(text)
    people, params = villager_clause(needle)
    parts = [f"SELECT c2.rowid FROM cases c2 WHERE c2.villager_id IN ({people})"]
    more, values = case_parts(needle, "rowid")
    return f"{alias}.rowid IN ({' UNION '.join(parts + more)})", params + values


def scanned_case_clause(text: str, alias: str = "c") -> tuple[str, list]:
    """``case_clause``'s rule as a plain scan, for a hub's PostgreSQL database, which keeps no
    search keys: a county's officers search its matters now and then, not at a counter's pace.

    The same tests as ``matches`` and ``case_parts``: part of the name, the start of a pinyin
    reading, part of an initials reading, the ID number's start, birth-date part or end, the
    phone's start or end, the start of the case number or its date part, and for a text with a
    Chinese character part of the description. (Names and descriptions are compared as stored,
    lower-cased, where the keys fold full-width letters too.)"""
    needle = normalise(text)
    people = (
        "SELECT v2.id FROM villagers v2 WHERE strpos(lower(v2.name), ?) > 0"
        " OR strpos(' ' || v2.pinyin, ' ' || ?) > 0 OR strpos(v2.initials, ?) > 0"
        " OR starts_with(lower(v2.id_number), ?) OR starts_with(substr(lower(v2.id_number), 7), ?)"
        " OR starts_with(reverse(lower(v2.id_number)), reverse(?))"
        " OR starts_with(v2.phone, ?) OR starts_with(reverse(v2.phone), reverse(?))"
    )
    clauses = [
        f"{alias}.villager_id IN ({people})",
        f"starts_with({alias}.case_no, ?)",
        f"starts_with(substr({alias}.case_no, strpos({alias}.case_no, '-') + 1), ?)",
    ]
    params = [needle] * 10
    if _looks_in_descriptions(needle):
        clauses.append(f"strpos(lower({alias}.description), ?) > 0")
        params.append(needle)
    return "(" + " OR ".join(clauses) + ")", params


def case_parts(needle: str, columns: str) -> tuple[list[str], list]:
    """Selects of ``columns`` of the cases ``needle`` finds by number or description (not by villager)."""
    low, high = key_range(needle)
    parts = [
        f"SELECT {columns} FROM cases WHERE case_no >= ? AND case_no < ?",
        f"SELECT {columns} FROM cases WHERE {NUMBER_TAIL} >= ? AND {NUMBER_TAIL} < ?",
    ]
    params: list = [low, high, low, high]
    if _looks_in_descriptions(needle):
        of_c3 = ", ".join(f"c3.{column.strip()}" for column in columns.split(","))
        parts.append(
            f"SELECT {of_c3} FROM case_text t JOIN case_text_ids i ON i.n = t.rowid"
            " JOIN cases c3 ON c3.id = i.case_id"
            " WHERE case_text MATCH ? AND instr(coalesce(i.folded, c3.description), ?) > 0"
        )
        params += [_phrase(needle), needle]
    return parts, params


def description_count(db, needle: str, cap: int) -> int:
    """How many descriptions hold ``needle``'s characters, counting no further than ``cap``."""
    if not _looks_in_descriptions(needle):
        return 0
    return db.scalar(
        "SELECT count(*) FROM (SELECT rowid FROM case_text WHERE case_text MATCH ? LIMIT ?)", (_phrase(needle), cap)
    )


def _looks_in_descriptions(needle: str) -> bool:
    return not needle.isascii()


# The case number without its unit part; an index on exactly this expression
# (migration 5) makes "starts the date part" a range scan.
NUMBER_TAIL = "substr(case_no, instr(case_no, '-') + 1)"


def case_found(case: Row, villager: Row | None, needle: str, folded: str | None) -> bool:
    """``case_matches`` for a case whose villager may not have arrived yet (sync), with its
    description already folded (``case_text_ids``): what a search walking the queue tests."""
    if not needle:
        return False
    if _looks_in_descriptions(needle) and needle in (folded or ""):  # the cheapest test first
        return True
    number = case["case_no"]
    return (
        number.startswith(needle)
        or number.split("-", 1)[-1].startswith(needle)
        or villager is not None
        and matches(villager, needle)
    )


def estimated_cases(db, needle: str, cap: int) -> int:
    """Roughly how many cases a needle finds, counting no further than ``cap`` keys or texts.

    Each key found is about one villager, and a villager has about two cases; a
    few index steps, so it costs a millisecond however broad the needle is.
    """
    total = 0
    for low, high in _ranges(needle):
        total += 2 * db.scalar(
            "SELECT count(*) FROM (SELECT 1 FROM villager_search_keys WHERE key >= ? AND key < ? LIMIT ?)",
            (low, high, cap),
        )
    if total < cap and _looks_in_descriptions(needle):  # broad by the keys alone: no need to look further
        total += db.scalar(
            "SELECT count(*) FROM (SELECT rowid FROM case_text WHERE case_text MATCH ? LIMIT ?)", (_phrase(needle), cap)
        )
    return total


def case_matches(case: Row, villager: Row, needle: str) -> bool:
    """The case rule as plain Python (the reference the SQL is tested against)."""
    number = case["case_no"]
    return bool(needle) and (
        matches(villager, needle)
        or number.startswith(needle)
        or number.split("-", 1)[-1].startswith(needle)
        or _looks_in_descriptions(needle)
        and needle in folded_description(case["description"])
    )


# --- bringing an existing database's keys up to date ---------------------------------------

KEYS_VERSION = "6"


def bring_up_to_date(db, respell: Callable[[sqlite3.Connection], None]) -> bool:
    """Rebuild the keys once if they were made by an older recipe; True if it did.

    ``respell`` refreshes the villagers' stored readings first (the villagers
    module owns them). Runs in one transaction: a kill leaves the old keys and
    the old version, and the next open does it again.
    """
    current = "SELECT value FROM meta WHERE key = 'search_keys_version'"
    if db.scalar(current) == KEYS_VERSION:
        return search_order.bring_up_to_date(db)
    with db.write() as conn:
        row = conn.execute(current).fetchone()
        if row is not None and row[0] == KEYS_VERSION:
            return False  # another process on the same file (the hub, the sync client) did it first
        respell(conn)
        rebuild(conn)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_keys_version', ?)", (KEYS_VERSION,))
    return True

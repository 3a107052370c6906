"""Case numbers a villager can read out over the phone.

``102203-261125-007``: the taking unit's code within the county (township 3
digits + village 3 digits [+ group 3 digits]), the local date, and that unit's
sequence for the day. Unit codes are unique in the county and each unit
numbers only its own cases, so no two installations ever make the same number
and nobody has to ask the hub first. Numbers come from the case log itself, so
they are never reused while the log exists; after a restore, not before the
station has learnt from its hub where they stood, or taken an offline range
(``haian_desk.replication.numbering``).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from haian_desk.core.timeutil import local
from haian_desk.replication import numbering


def short_unit_code(unit_code: str) -> str:
    return unit_code[6:] if len(unit_code) > 6 else unit_code


def prefix(unit_code: str, moment: datetime) -> str:
    return f"{short_unit_code(unit_code)}-{local(moment):%y%m%d}-"


def next_case_no(conn: sqlite3.Connection, unit_code: str, moment: datetime) -> str:
    head = prefix(unit_code, moment)
    if numbering.offline(conn):
        return _next_offline(conn, head)
    # GLOB is case-sensitive, so SQLite can answer it from the unique index on case_no.
    row = conn.execute(
        "SELECT max(CAST(substr(case_no, ?) AS INTEGER)) FROM cases WHERE case_no GLOB ?", (len(head) + 1, head + "*")
    ).fetchone()
    # After a restore, numbers the hub says were issued here count too (haian_desk.replication.numbering).
    return f"{head}{max(row[0] or 0, numbering.case_floor(conn, head)) + 1:03d}"


def _next_offline(conn: sqlite3.Connection, head: str) -> str:
    """The day's offline series (…-LKQM01): all-digit numbers never start with a letter, and each
    offline confirmation draws its own letters, so a second restore the same day cannot repeat it."""
    mark = head + numbering.OFFLINE_MARK + numbering.offline_series(conn)
    row = conn.execute(
        "SELECT max(CAST(substr(case_no, ?) AS INTEGER)) FROM cases WHERE case_no GLOB ?", (len(mark) + 1, mark + "*")
    ).fetchone()
    return f"{mark}{(row[0] or 0) + 1:02d}"

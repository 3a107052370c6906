"""Once, at the first open after schema v12: rows brought into line with the new rules.

Schema migrations are SQL; these two need the fold. Cases that are away at a
centre get their ``route_up`` (haian_desk.cases.levels) by being folded again
from their own log, and the catalogue's old per-installation seeds give way to
the shipped records (haian_desk.cases.shipped_catalogue). One transaction: a
kill leaves nothing half done and the next open does it again.
"""

from __future__ import annotations

from haian_desk.cases import shipped_catalogue
from haian_desk.events.ledger import refold

MARK = "v12_levels_and_catalogue"
_DONE = "SELECT value FROM meta WHERE key = ?"


def finish_v12(db) -> bool:
    """True if it did the work now (False: done before, here or by another process on the file)."""
    if db.scalar(_DONE, (MARK,)) is not None:
        return False
    with db.write() as conn:
        if conn.execute(_DONE, (MARK,)).fetchone() is not None:
            return False
        away = [row[0] for row in conn.execute("SELECT id FROM cases WHERE holder_level IS NOT NULL")]
        for case_id in away:
            refold(conn, "case", case_id)
        shipped_catalogue.unify(conn)
        conn.execute("INSERT INTO meta (key, value) VALUES (?, 'done')", (MARK,))
    return True

"""The hub's list of the installations enrolled below it, read from PostgreSQL: what
``haian-desk hub stations`` shows (haian_desk.replication.status.stations), the same rows
and keys, for a county, city or province hub.

The SQLite hub asks two questions per station (its overdue matters, its records held for
inspection); a province has 20,000 stations, so here each is one statement for them all,
grouped by unit and by peer, and the rule is applied to the groups: a station counts the
matters of its own unit, a township (9 digits) every matter of its units.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from haian_desk.cases.vocabulary import TIMED_STATUSES
from haian_desk.core.timeutil import to_iso
from haian_desk.replication.sync_state import CHILD
from haian_desk.storage.postgres.database import PgDatabase, Row

_PEERS = """SELECT id, unit_code, unit_name, role, status, enrolled_at, revoked_at, last_contact,
                   events_received, clock_drift
            FROM sync_peers WHERE relation = %(child)s ORDER BY unit_code COLLATE "C", enrolled_at COLLATE "C"
"""
_OVERDUE = """SELECT unit_code, count(*) FROM cases
              WHERE status = ANY(%(timed)s) AND deadline IS NOT NULL AND deadline < %(now)s
              GROUP BY unit_code"""
_HELD = "SELECT peer, count(*) FROM sync_quarantine WHERE resolved_at IS NULL GROUP BY peer"


def stations(db: PgDatabase, now: datetime) -> list[dict]:
    """Every installation enrolled below this hub, in one snapshot."""
    params = {"child": CHILD, "timed": list(TIMED_STATUSES), "now": to_iso(now)}
    with db.transaction() as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        peers = cast(list[Row], conn.execute(_PEERS, params).fetchall())  # made by PgDatabase's row factory
        overdue = dict(conn.execute(_OVERDUE, params).fetchall())
        held = dict(conn.execute(_HELD).fetchall())
    by_township: dict[str, int] = {}
    for code, count in overdue.items():
        by_township[code[:9]] = by_township.get(code[:9], 0) + count
    return [
        {
            "id": peer["id"],
            "unit_code": peer["unit_code"],
            "unit_name": peer["unit_name"],
            "role": peer["role"],
            "status": peer["status"],
            "enrolled_at": peer["enrolled_at"],
            "revoked_at": peer["revoked_at"],
            "last_contact": peer["last_contact"],
            "events_received": peer["events_received"],
            "clock_drift_seconds": peer["clock_drift"],
            "overdue": by_township.get(code, 0) if len(code := peer["unit_code"]) == 9 else overdue.get(code, 0),
            "quarantined": held.get(peer["id"], 0),
        }
        for peer in peers
    ]

"""Health check of an installation: SQLite's own integrity check, then every
projection rebuilt from the event log and compared with the stored rows
(the comparison itself is shared with a PostgreSQL hub's: events/projection_store.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.events.projection import projectors
from haian_desk.events.projection_store import Comparison, SqliteProjections, compare
from haian_desk.storage import eventlog

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    rows_checked: int = 0

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.differences


def run_check(desk: Desk, limit: int = 50) -> CheckReport:
    report = CheckReport()
    report.integrity = [r[0] for r in desk.db.query("PRAGMA integrity_check")]
    found = Comparison(limit=limit)
    with desk.db.read() as conn:
        compare(SqliteProjections(conn), projectors().values(), lambda p: eventlog.all_streams(conn, p.stream), found)
    report.differences, report.rows_checked = found.differences, found.rows_checked
    return report

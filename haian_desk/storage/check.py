"""Health check of an installation: SQLite's own integrity check, then every
projection rebuilt from the event log and compared with the stored rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.events.projection import projectors
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
    with desk.db.read() as conn:
        for projector in projectors().values():
            _compare(conn, projector, report, limit)
    return report


def _compare(conn, projector, report: CheckReport, limit: int) -> None:
    seen = set()
    for stream_id, events in eventlog.all_streams(conn, projector.stream):
        seen.add(stream_id)
        report.rows_checked += 1
        rebuilt = projector.fold(events)
        stored = projector.load(conn, stream_id)
        if rebuilt != stored:
            _note(report, limit, f"{projector.table} {stream_id}: " + _diff(rebuilt, stored))
    for row in conn.execute(f"SELECT {projector.key} FROM {projector.table}"):
        if row[0] not in seen:
            _note(report, limit, f"{projector.table} {row[0]}: 表中有此行，但事件日志中没有它的事件")


def _note(report: CheckReport, limit: int, line: str) -> None:
    if len(report.differences) < limit:
        report.differences.append(line)
    elif len(report.differences) == limit:
        report.differences.append("……（差异太多，只列出前面的）")


def _diff(rebuilt: dict | None, stored: dict | None) -> str:
    if rebuilt is None or stored is None:
        return "重建结果为空" if rebuilt is None else "表中缺少此行"
    keys = sorted(set(rebuilt) | set(stored))
    return "; ".join(
        f"{k}: 表中={stored.get(k)!r} 重建={rebuilt.get(k)!r}" for k in keys if rebuilt.get(k) != stored.get(k)
    )

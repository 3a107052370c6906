"""Where projected rows are kept: one small interface, one implementation per database.

The rules (``Projector.fold``/``step`` over a state dict) are written once; a store only reads
and writes the rows they produce. SQLite's store is today's tables (``Projector.load``/``save``);
PostgreSQL's is haian_desk/storage/postgres/projections.py. ``refold`` and ``compare`` below are
the two things both databases do with a store: fold a stream's log into its row, and check the
rows against a rebuild (``haian-desk check`` and ``hub check``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from haian_desk.events.projection import Projector, State
from haian_desk.storage.eventlog import Event


class ProjectionStore(Protocol):
    def load(self, projector: Projector, stream_id: str) -> State | None: ...
    def save(self, projector: Projector, state: State) -> None: ...
    def delete(self, projector: Projector, stream_id: str) -> None: ...
    def keys(self, projector: Projector) -> Iterator[str]: ...


class SqliteProjections:
    """The projection tables of a station's or township hub's SQLite file, inside ``conn``'s transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def load(self, projector: Projector, stream_id: str) -> State | None:
        return projector.load(self.conn, stream_id)

    def save(self, projector: Projector, state: State) -> None:
        projector.save(self.conn, state)

    def delete(self, projector: Projector, stream_id: str) -> None:
        self.conn.execute(f"DELETE FROM {projector.table} WHERE {projector.key} = ?", (stream_id,))

    def keys(self, projector: Projector) -> Iterator[str]:
        return (row[0] for row in self.conn.execute(f"SELECT {projector.key} FROM {projector.table}"))


def refold(store: ProjectionStore, projector: Projector, stream_id: str, events: list[Event]) -> State | None:
    """Fold a stream's whole log (any order given: folded in fold order) and keep the row that results."""
    state = projector.fold(sorted(events, key=lambda e: e.order_key))
    if state is None:
        store.delete(projector, stream_id)
    else:
        store.save(projector, state)
    return state


@dataclass
class Comparison:
    """What a rebuild found: rows checked, and each difference as a line for people."""

    differences: list[str] = field(default_factory=list)
    rows_checked: int = 0
    limit: int = 50

    def note(self, line: str) -> None:
        if len(self.differences) < self.limit:
            self.differences.append(line)
        elif len(self.differences) == self.limit:
            self.differences.append("……（差异太多，只列出前面的）")


StreamsOf = Callable[[Projector], Iterable[tuple[str, list[Event]]]]


def compare(store: ProjectionStore, projectors: Iterable[Projector], streams_of: StreamsOf, found: Comparison) -> None:
    """Every stored row against the fold of its stream's log (``streams_of``: each stream's
    events in fold order); rows with no events in the log are differences too."""
    for projector in projectors:
        seen = set()
        for stream_id, events in streams_of(projector):
            seen.add(stream_id)
            found.rows_checked += 1
            rebuilt = projector.fold(events)
            stored = store.load(projector, stream_id)
            if rebuilt != stored:
                found.note(f"{projector.table} {stream_id}: " + _diff(rebuilt, stored))
        for key in list(store.keys(projector)):
            if key not in seen:
                found.note(f"{projector.table} {key}: 表中有此行，但事件日志中没有它的事件")


def _diff(rebuilt: dict | None, stored: dict | None) -> str:
    if rebuilt is None or stored is None:
        return "重建结果为空" if rebuilt is None else "表中缺少此行"
    keys = sorted(set(rebuilt) | set(stored))
    return "; ".join(
        f"{k}: 表中={stored.get(k)!r} 重建={rebuilt.get(k)!r}" for k in keys if rebuilt.get(k) != stored.get(k)
    )

"""The projection tables of a hub on PostgreSQL (resources/postgres/0002_projections.sql):
the store behind ``ProjectionStore`` (haian_desk/events/projection_store.py) and the refold of
the streams a batch touched, inside the batch's transaction.

The rows are what ``Projector.fold`` makes, the same rules as on SQLite. What differs is only
the storage: PostgreSQL's columns are typed where SQLite's take any value, so a value is stored
the way SQLite's column affinity would have stored it (a flag as 0/1, a number in a text
column as its text), and a stream is folded under a lock of its own, so two workers that
receive events of one case take turns and the second folds what the first committed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg

from haian_desk.events.projection import Projector, State, projectors
from haian_desk.events.projection_store import refold
from haian_desk.storage.eventlog import COLUMNS, Event

_SELECT = f"SELECT {', '.join(COLUMNS)} FROM events"
# Records set aside (0005_events_set_aside.sql: an old-style seeded catalogue) are kept, never folded.
_FOLDED = "id NOT IN (SELECT event_id FROM events_set_aside)"
# Fold order: the events' text columns compare byte by byte, as SQLite's do (0002_projections.sql).
_FOLD_ORDER = "hlc, origin, origin_seq"
# (database, table) → column → type, as information_schema names it
_TYPES: dict[tuple[str, str], dict[str, str]] = {}


class PgProjections:
    """The projection tables, inside ``conn``'s transaction."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn
        self._types: dict[str, dict[str, str]] = {}

    def load(self, projector: Projector, stream_id: str) -> State | None:
        row = self.conn.execute(f"SELECT * FROM {projector.table} WHERE {projector.key} = %s", (stream_id,)).fetchone()
        return None if row is None else projector.from_row(_by_name(row))

    def save(self, projector: Projector, state: State) -> None:
        types = self._column_types(projector.table)
        row = {k: _as_column(v, types[k]) for k, v in projector.to_row(state).items()}
        cols = ", ".join(row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != projector.key)
        self.conn.execute(
            f"INSERT INTO {projector.table} ({cols}) VALUES ({', '.join(['%s'] * len(row))}) "
            f"ON CONFLICT ({projector.key}) DO UPDATE SET {updates}",
            tuple(row.values()),
        )

    def delete(self, projector: Projector, stream_id: str) -> None:
        self.conn.execute(f"DELETE FROM {projector.table} WHERE {projector.key} = %s", (stream_id,))

    def keys(self, projector: Projector) -> Iterator[str]:
        return (row[0] for row in self.conn.execute(f"SELECT {projector.key} FROM {projector.table}"))

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            # read once per database and process: information_schema takes milliseconds a query
            key = (self.conn.info.dbname, table)
            if key not in _TYPES:
                rows = self.conn.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s",
                    (table,),
                )
                _TYPES[key] = {r[0]: r[1] for r in rows}
            self._types[table] = _TYPES[key]
        return self._types[table]


def _by_name(row: Any) -> dict[str, Any]:
    # rows come from PgDatabase's row factory (storage/postgres/database.py: Row, with keys())
    return dict(zip(row.keys(), row, strict=True))


def _as_column(value: Any, data_type: str) -> Any:
    """A value as SQLite's column affinity would keep it (what the SQLite hub reads back)."""
    if value is None:
        return None
    if data_type == "bigint" and isinstance(value, bool):
        return int(value)
    if data_type == "text" and not isinstance(value, str):
        return str(value)
    return value


def stream_events(conn: psycopg.Connection, stream: str, stream_id: str) -> list[Event]:
    rows = conn.execute(
        f"{_SELECT} WHERE stream = %s AND stream_id = %s AND {_FOLDED} ORDER BY {_FOLD_ORDER}", (stream, stream_id)
    )
    return [Event.from_row(r) for r in rows]


def all_streams(conn: psycopg.Connection, stream: str) -> Iterator[tuple[str, list[Event]]]:
    """Every stream of one kind with its events in fold order, read through a server-side
    cursor (a province's log does not fit in a worker's memory)."""
    with conn.cursor(name=f"streams_{stream}") as cur:
        cur.execute(f"{_SELECT} WHERE stream = %s AND {_FOLDED} ORDER BY stream_id, {_FOLD_ORDER}", (stream,))
        current_id, batch = "", list[Event]()
        for row in cur:
            event = Event.from_row(row)
            if event.stream_id != current_id and batch:
                yield current_id, batch
                batch = []
            current_id = event.stream_id
            batch.append(event)
        if batch:
            yield current_id, batch


def refold_touched(conn: psycopg.Connection, added: Iterable[Event]) -> int:
    """Refold every stream ``added`` touched; returns how many. Each stream's advisory lock is
    taken (in one order, so two workers never wait on each other in a circle) before its log is
    read: a worker that waited then reads the events the other committed.

    A batch's streams are handled together, in a few statements whatever their number (one
    for the locks, one for the logs, one upsert per table): per-stream statements made the
    round trips most of a worker's time (bench/bench_pg_merge.py)."""
    touched = sorted({(e.stream, e.stream_id) for e in added})
    if not touched:
        return 0
    conn.execute(
        # volatile, so evaluated after the ORDER BY: the locks are taken in the list's order
        "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(%s::text[]) WITH ORDINALITY AS t(k, n) "
        "ORDER BY n",
        ([f"{stream}/{stream_id}" for stream, stream_id in touched],),
    )
    logs = _streams_events(conn, touched)
    store = _BatchedSaves(conn)
    for stream, stream_id in touched:
        refold(store, projectors()[stream], stream_id, logs.get((stream, stream_id), []))
    store.flush()
    return len(touched)


def _streams_events(conn: psycopg.Connection, touched: list[tuple[str, str]]) -> dict[tuple[str, str], list[Event]]:
    """Many streams' logs in fold order, in one statement (along events_by_stream)."""
    found: dict[tuple[str, str], list[Event]] = {}
    rows = conn.execute(
        f"SELECT {', '.join(f'e.{c}' for c in COLUMNS)} FROM unnest(%s::text[], %s::text[]) AS t(stream, stream_id) "
        'JOIN events e ON e.stream = t.stream COLLATE "C" AND e.stream_id = t.stream_id COLLATE "C" '
        f"WHERE e.{_FOLDED} ORDER BY e.stream, e.stream_id, {', '.join(f'e.{c}' for c in _FOLD_ORDER.split(', '))}",
        ([stream for stream, _ in touched], [stream_id for _, stream_id in touched]),
    )
    for row in rows:
        event = Event.from_row(row)
        found.setdefault((event.stream, event.stream_id), []).append(event)
    return found


class _BatchedSaves(PgProjections):
    """``save`` kept until ``flush``, which writes each table's rows with one upsert."""

    def __init__(self, conn: psycopg.Connection):
        super().__init__(conn)
        self._pending: dict[str, tuple[Projector, list[dict[str, Any]]]] = {}

    def save(self, projector: Projector, state: State) -> None:
        self._pending.setdefault(projector.table, (projector, []))[1].append(projector.to_row(state))

    def delete(self, projector: Projector, stream_id: str) -> None:
        # a stream saved earlier in this batch is never deleted later in it (each is folded once)
        super().delete(projector, stream_id)

    def flush(self) -> None:
        for table, (projector, rows) in self._pending.items():
            types = self._column_types(table)
            names = list(rows[0])
            columns = [[_as_column(row[n], types[n]) for row in rows] for n in names]
            updates = ", ".join(f"{c} = excluded.{c}" for c in names if c != projector.key)
            # binary arrays (%b): the text form escapes every string, a third of a batch's Python time
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}) "
                f"SELECT * FROM unnest({', '.join(f'%b::{types[n]}[]' for n in names)}) "
                f"ON CONFLICT ({projector.key}) DO UPDATE SET {updates}",
                columns,
            )
        self._pending.clear()


def rebuild(conn: psycopg.Connection, streams: Sequence[str] = ()) -> int:
    """Every projection folded again from the whole log (after a restore, or to repair)."""
    store, count = PgProjections(conn), 0
    for projector in projectors().values():
        if streams and projector.stream not in streams:
            continue
        conn.execute(f"DELETE FROM {projector.table}")
        for _, events in all_streams(conn, projector.stream):
            state = projector.fold(events)
            if state is not None:
                store.save(projector, state)
                count += 1
    return count

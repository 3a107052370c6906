"""The one path by which data changes: an event and its projection, together.

``record`` stamps a new local event, lets the stream's projector decide
whether the rules allow it, then writes the event and the updated row in the
caller's transaction. ``ingest`` takes events made elsewhere (sync): new ones
are inserted once, and every stream they touch is folded again from its log.
Both note each (stream, id) they wrote on the transaction (``storage.db.note``),
so whoever ran the operation learns exactly what it changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from haian_desk.cases import search
from haian_desk.core import hlc
from haian_desk.core.hlc import HybridClock
from haian_desk.core.ids import uuid7
from haian_desk.core.normalise import storable
from haian_desk.core.timeutil import to_iso
from haian_desk.events.changes import Touched
from haian_desk.events.projection import Projector, projectors
from haian_desk.people import permissions
from haian_desk.replication import numbering
from haian_desk.storage import eventlog
from haian_desk.storage.db import Database, note
from haian_desk.storage.eventlog import Event


@dataclass
class IngestResult:
    added: int = 0
    already_present: int = 0
    streams_refolded: int = 0


class Ledger:
    def __init__(self, db: Database, origin: str, wall: Callable[[], datetime]):
        self.db = db
        self.origin = origin
        self.wall = wall
        with db.read() as conn:
            self.clock = HybridClock(latest_plausible_hlc(conn, wall()))

    def record(
        self,
        conn: sqlite3.Connection,
        stream: str,
        stream_id: str,
        type_: str,
        payload: dict[str, Any],
        actor: str,
        at: datetime | None = None,
    ) -> tuple[Event, dict]:
        """Write one event and its projection; raises (writing nothing) if refused.

        ``at`` is when it happened, for history recorded later (an imported
        ledger); the clock that orders events still ticks from now. Every local
        change passes here, so here the actor's right to make it is checked
        (``haian_desk.people.permissions``): an unknown or stopped login is refused.
        """
        permissions.require_event(conn, actor, stream, type_)
        self._require_numbers(conn)
        now = self.wall()
        payload = storable(payload)  # no NUL, bidi override or half character is ever stored
        self._catch_up_with_stream(conn, stream, stream_id)
        stamp = self.clock.tick(int(now.timestamp() * 1000))
        event = Event(
            id=uuid7(int(now.timestamp() * 1000)),
            stream=stream,
            stream_id=stream_id,
            type=type_,
            hlc=stamp,
            origin=self.origin,
            origin_seq=self._next_seq(conn),
            actor=actor,
            wall_time=to_iso(at or now),
            payload=payload,
        )
        projector = projectors()[stream]
        before = self._load(conn, projector, stream_id)
        state = projector.step(before, event)  # the rules: raises, writing nothing, if they refuse
        self._write(conn, event, projector, before, state)
        note(
            conn, Touched(stream, stream_id, row_changed=not projector.same_record(before, state))
        )  # the change set (events/changes.py)
        return event, state

    # What differs between the databases a ledger writes to (PgLedger: a hub on PostgreSQL);
    # the checks and the rules above are the same for both.

    def _require_numbers(self, conn) -> None:
        numbering.require_issuable(conn)  # after a restore: not before the station knows its numbers

    def _next_seq(self, conn) -> int:
        return max(eventlog.next_origin_seq(conn, self.origin), numbering.seq_floor(conn) + 1)

    def _load(self, conn, projector: Projector, stream_id: str) -> dict | None:
        return projector.load(conn, stream_id)

    def _write(self, conn, event: Event, projector: Projector, before: dict | None, state: dict) -> None:
        eventlog.insert(conn, event)
        projector.save(conn, state)
        search.saved(conn, event.stream, before, state)

    def _catch_up_with_stream(self, conn: sqlite3.Connection, stream: str, stream_id: str) -> None:
        # Another process (the sync client, the hub, the township's app) may have
        # added events to this stream since this clock last looked, some stamped by
        # a PC whose clock runs ahead. A new event must fold after all of them,
        # or the row shown now would differ from the row every installation rebuilds.
        latest = conn.execute(
            "SELECT max(hlc) FROM events WHERE stream = ? AND stream_id = ?", (stream, stream_id)
        ).fetchone()[0]
        if latest:
            self.clock.observe(latest, _ms(self.wall()))

    def ingest(self, events: Iterable[Event], *, all_new: bool = False) -> IngestResult:
        """Apply a batch from elsewhere in one transaction, exactly once per event.

        ``all_new``: the caller has made sure, in the transaction this one joins, that no event is
        stored yet and no two share an id or an (origin, sequence) (receive's screening does), so
        they are not looked up again; a wrong claim fails on the log's unique keys, writing nothing."""
        events = list(events)
        with self.db.write() as conn:
            known = _streams_with_events(conn, events)
            added = _insert_all(conn, events) if all_new else _insert_new(conn, events)
            touched = sorted({(e.stream, e.stream_id) for e in added})
            _refold_all(conn, touched, added, known)
        self.clock.observe_all([event.hlc for event in added], _ms(self.wall()))
        return IngestResult(len(added), len(events) - len(added), len(touched))


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def latest_plausible_hlc(conn: sqlite3.Connection, now: datetime) -> str | None:
    """Where the clock resumes: the newest stamp in the log that is not beyond the window (hlc.py)."""
    return conn.execute("SELECT max(hlc) FROM events WHERE hlc <= ?", (hlc.ceiling(_ms(now)),)).fetchone()[0]


# Sync brings events in batches of hundreds; the helpers below do per batch what
# would otherwise be a query or two per event (bench/bench_merge.py measures it).


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _streams_with_events(conn: sqlite3.Connection, events: list[Event]) -> set[tuple[str, str]]:
    """The batch's streams that already have events here (the others start in this batch)."""
    found: set[tuple[str, str]] = set()
    for stream in sorted({e.stream for e in events}):
        ids = sorted({e.stream_id for e in events if e.stream == stream})
        for chunk in _chunks(ids):
            rows = conn.execute(
                f"SELECT DISTINCT stream_id FROM events WHERE stream = ? AND stream_id IN "
                f"({', '.join('?' * len(chunk))})",
                [stream, *chunk],
            )
            found.update((stream, row[0]) for row in rows)
    return found


def _insert_all(conn: sqlite3.Connection, events: list[Event]) -> list[Event]:
    """Insert events known to be new: a plain INSERT, so one that is not fails the transaction."""
    columns = ", ".join(eventlog.COLUMNS)
    conn.executemany(
        f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(eventlog.COLUMNS))})",
        [e.to_row() for e in events],
    )
    return events


def _insert_new(conn: sqlite3.Connection, events: list[Event]) -> list[Event]:
    """Insert the events not seen before, as one INSERT OR IGNORE each would (first one wins)."""
    taken_ids: set[str] = set()
    for chunk in _chunks(sorted({e.id for e in events})):
        rows = conn.execute(f"SELECT id FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        taken_ids.update(row[0] for row in rows)
    taken_seqs: set[tuple[str, int]] = set()
    for origin in sorted({e.origin for e in events}):
        seqs = [e.origin_seq for e in events if e.origin == origin]
        rows = conn.execute(
            "SELECT origin_seq FROM events WHERE origin = ? AND origin_seq BETWEEN ? AND ?",
            (origin, min(seqs), max(seqs)),
        )
        taken_seqs.update((origin, row[0]) for row in rows)
    added = []
    for event in events:
        if event.id in taken_ids or (event.origin, event.origin_seq) in taken_seqs:
            continue
        taken_ids.add(event.id)
        taken_seqs.add((event.origin, event.origin_seq))
        added.append(event)
    columns = ", ".join(eventlog.COLUMNS)
    conn.executemany(
        f"INSERT OR IGNORE INTO events ({columns}) VALUES ({', '.join('?' * len(eventlog.COLUMNS))})",
        [e.to_row() for e in added],
    )
    return added


def _refold_all(
    conn: sqlite3.Connection, touched: list[tuple[str, str]], added: list[Event], known: set[tuple[str, str]]
) -> None:
    """Refold every touched stream: from the batch alone when the stream starts in it.

    The streams already here have their logs and their rows read for the whole
    batch at once (a query per kind of stream, not two per stream)."""
    arrived: dict[tuple[str, str], list[Event]] = {}
    for event in added:
        arrived.setdefault((event.stream, event.stream_id), []).append(event)
    old = [key for key in touched if key in known]
    logs = _logs(conn, old)
    befores = _rows(conn, [key for key in old if search.needs_before(key[0])])
    rows = _Rows()
    changes: list[search.Change] = []
    for key in touched:
        if key in known:
            changes.append(_fold(conn, key[0], key[1], befores.get(key), logs.get(key, []), rows))
        else:
            changes.append(_fold(conn, key[0], key[1], None, sorted(arrived[key], key=lambda e: e.order_key), rows))
    rows.write(conn)
    # The search keys follow the rows they index, in the same transaction: the whole batch's at once.
    search.saved_all(conn, changes)


class _Rows:
    """Projection rows to store, grouped so that each table (and column set) is one executemany."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}

    def add(self, table: str, row: dict) -> None:
        self.groups.setdefault((table, tuple(row)), []).append(tuple(row.values()))

    def write(self, conn: sqlite3.Connection) -> None:
        for (table, columns), values in self.groups.items():  # the statement Projector.save runs, per row
            marks = ", ".join("?" * len(columns))
            conn.executemany(f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)


def _by_kind(keys: list[tuple[str, str]]) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for stream, stream_id in keys:
        kinds.setdefault(stream, []).append(stream_id)
    return kinds


def _logs(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[Event]]:
    """Each stream's log in fold order, as ``eventlog.stream_events`` gives it, for many streams."""
    logs: dict[tuple[str, str], list[Event]] = {}
    for stream, ids in _by_kind(keys).items():
        for chunk in _chunks(ids):
            for stream_id, events in eventlog.streams_events(conn, stream, chunk).items():
                logs[(stream, stream_id)] = events
    return logs


def _rows(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """The projection rows of many streams, as ``Projector.load`` reads one."""
    rows: dict[tuple[str, str], dict] = {}
    for stream, ids in _by_kind(keys).items():
        projector = projectors()[stream]
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for row in conn.execute(f"SELECT * FROM {projector.table} WHERE {projector.key} IN ({marks})", chunk):
                state = projector.from_row(row)
                if state is not None:
                    rows[(stream, row[projector.key])] = state
    return rows


def refold(conn: sqlite3.Connection, stream: str, stream_id: str) -> None:
    before = projectors()[stream].load(conn, stream_id) if search.needs_before(stream) else None
    search.saved_all(conn, [_fold(conn, stream, stream_id, before, eventlog.stream_events(conn, stream, stream_id))])


def _fold(
    conn: sqlite3.Connection,
    stream: str,
    stream_id: str,
    before: dict | None,
    events: list[Event],
    rows: _Rows | None = None,
) -> search.Change:
    """Fold a stream's whole log (in fold order) and store the row that results (or add it to ``rows``).

    Returns the change for the search keys, which the caller brings up to date once the rows are written."""
    projector = projectors()[stream]
    state = projector.fold(events)
    if state is None:
        conn.execute(f"DELETE FROM {projector.table} WHERE {projector.key} = ?", (stream_id,))
    elif rows is not None:
        rows.add(projector.table, projector.to_row(state))
    else:
        projector.save(conn, state)
    note(conn, Touched(stream, stream_id))
    return stream, before, state

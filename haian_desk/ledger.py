"""The one path by which data changes: an event and its projection, together.

``record`` stamps a new local event, lets the stream's projector decide
whether the rules allow it, then writes the event and the updated row in the
caller's transaction. ``ingest`` takes events made elsewhere (sync): new ones
are inserted once, and every stream they touch is folded again from its log.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable

from haian_desk import search
from haian_desk.hlc import HybridClock
from haian_desk.ids import uuid7
from haian_desk.projection import projectors
from haian_desk.storage import eventlog
from haian_desk.storage.db import Database
from haian_desk.storage.eventlog import Event
from haian_desk.timeutil import to_iso


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
        self.clock = HybridClock(eventlog.latest_hlc(db.conn))

    def record(self, conn: sqlite3.Connection, stream: str, stream_id: str, type_: str,
               payload: dict[str, Any], actor: str) -> tuple[Event, dict]:
        """Write one event and its projection; raises (writing nothing) if refused."""
        now = self.wall()
        self._catch_up_with_stream(conn, stream, stream_id)
        stamp = self.clock.tick(int(now.timestamp() * 1000))
        event = Event(
            id=uuid7(int(now.timestamp() * 1000)), stream=stream, stream_id=stream_id,
            type=type_, hlc=stamp, origin=self.origin,
            origin_seq=eventlog.next_origin_seq(conn, self.origin), actor=actor,
            wall_time=to_iso(now), payload=payload)
        projector = projectors()[stream]
        before = projector.load(conn, stream_id)
        state = projector.step(before, event)
        eventlog.insert(conn, event)
        projector.save(conn, state)
        search.saved(conn, stream, before, state)
        return event, state

    def _catch_up_with_stream(self, conn: sqlite3.Connection, stream: str, stream_id: str) -> None:
        # Another process (the sync client, the hub, the township's app) may have
        # added events to this stream since this clock last looked, some stamped by
        # a PC whose clock runs ahead. A new event must fold after all of them,
        # or the row shown now would differ from the row every installation rebuilds.
        latest = conn.execute("SELECT max(hlc) FROM events WHERE stream = ? AND stream_id = ?",
                              (stream, stream_id)).fetchone()[0]
        if latest:
            self.clock.observe(latest)

    def ingest(self, events: Iterable[Event]) -> IngestResult:
        """Apply a batch from elsewhere in one transaction, exactly once per event."""
        events = list(events)
        with self.db.write() as conn:
            added = eventlog.insert_new(conn, events)
            touched = sorted({(e.stream, e.stream_id) for e in added})
            for stream, stream_id in touched:
                refold(conn, stream, stream_id)
        for event in added:
            self.clock.observe(event.hlc)
        return IngestResult(len(added), len(events) - len(added), len(touched))


def refold(conn: sqlite3.Connection, stream: str, stream_id: str) -> None:
    projector = projectors()[stream]
    before = projector.load(conn, stream_id) if search.needs_before(stream) else None
    state = projector.fold(eventlog.stream_events(conn, stream, stream_id))
    if state is None:
        conn.execute(f"DELETE FROM {projector.table} WHERE {projector.key} = ?", (stream_id,))
    else:
        projector.save(conn, state)
    # The search keys follow the row they index, in the same transaction.
    search.saved(conn, stream, before, state)

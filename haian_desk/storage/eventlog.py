"""The append-only event log: writing events and reading them back in fold order."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Every installation folds a stream's events in this order, whatever order
# they arrived in: hybrid logical clock, then installation, then its sequence.
FOLD_ORDER = "hlc, origin, origin_seq"

# What json.dumps(payload, ensure_ascii=False, sort_keys=True) builds on every call, built once:
# the same encoder, so the same bytes (events are hashed and compared across installations).
_PAYLOAD = json.JSONEncoder(ensure_ascii=False, sort_keys=True)

COLUMNS = ("id", "stream", "stream_id", "type", "hlc", "origin", "origin_seq", "actor", "wall_time", "payload")


@dataclass(frozen=True)
class Event:
    id: str
    stream: str
    stream_id: str
    type: str
    hlc: str
    origin: str
    origin_seq: int
    actor: str
    wall_time: str
    payload: dict[str, Any] = field(default_factory=dict)

    @property
    def order_key(self) -> tuple[str, str, int]:
        return (self.hlc, self.origin, self.origin_seq)

    def to_row(self) -> tuple:
        return (
            self.id,
            self.stream,
            self.stream_id,
            self.type,
            self.hlc,
            self.origin,
            self.origin_seq,
            self.actor,
            self.wall_time,
            _PAYLOAD.encode(self.payload),
        )

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in COLUMNS}

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple) -> Event:
        values = dict(zip(COLUMNS, tuple(row)[: len(COLUMNS)], strict=False))
        values["payload"] = json.loads(values["payload"])
        return cls(**values)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(**{name: data[name] for name in COLUMNS})


_SELECT = f"SELECT {', '.join(COLUMNS)} FROM events"


def insert(conn: sqlite3.Connection, event: Event) -> None:
    conn.execute(f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", event.to_row())


def insert_new(conn: sqlite3.Connection, events: Iterable[Event]) -> list[Event]:
    """Insert events not seen before (by id); returns the ones that were new."""
    added = []
    for event in events:
        cur = conn.execute(
            f"INSERT OR IGNORE INTO events ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
            event.to_row(),
        )
        if cur.rowcount:
            added.append(event)
    return added


def next_origin_seq(conn: sqlite3.Connection, origin: str) -> int:
    row = conn.execute("SELECT max(origin_seq) FROM events WHERE origin = ?", (origin,)).fetchone()
    return (row[0] or 0) + 1


def latest_hlc(conn: sqlite3.Connection) -> str | None:
    return conn.execute("SELECT max(hlc) FROM events").fetchone()[0]


# Records set aside by the clock repair (haian_desk/replication/clock_repair.py) are kept but never folded.
_FOLDED = "id NOT IN (SELECT event_id FROM events_set_aside)"


def stream_events(conn: sqlite3.Connection, stream: str, stream_id: str) -> list[Event]:
    rows = conn.execute(
        f"{_SELECT} WHERE stream = ? AND stream_id = ? AND {_FOLDED} ORDER BY {FOLD_ORDER}", (stream, stream_id)
    ).fetchall()
    return [Event.from_row(r) for r in rows]


def streams_events(conn: sqlite3.Connection, stream: str, stream_ids: list[str]) -> dict[str, list[Event]]:
    """``stream_events`` for several streams of one kind in one query (the ids given, at most a few hundred)."""
    marks = ", ".join("?" * len(stream_ids))
    rows = conn.execute(
        f"{_SELECT} WHERE stream = ? AND stream_id IN ({marks}) AND {_FOLDED} ORDER BY stream_id, {FOLD_ORDER}",
        (stream, *stream_ids),
    )
    logs: dict[str, list[Event]] = {}
    for row in rows:
        event = Event.from_row(row)
        logs.setdefault(event.stream_id, []).append(event)
    return logs


def all_streams(conn: sqlite3.Connection, stream: str) -> Iterator[tuple[str, list[Event]]]:
    """Every stream of one kind with its events, without holding the whole log in memory."""
    cur = conn.execute(f"{_SELECT} WHERE stream = ? AND {_FOLDED} ORDER BY stream_id, {FOLD_ORDER}", (stream,))
    current_id, batch = "", list[Event]()  # a batch is never empty: current_id is set when it is yielded
    for row in cur:
        event = Event.from_row(row)
        if event.stream_id != current_id and batch:
            yield current_id, batch
            batch = []
        current_id = event.stream_id
        batch.append(event)
    if batch:
        yield current_id, batch

"""What a hub has received from below: events stored once, the projections of the streams
they touch folded again in the same transaction, and per sending peer the ranges of its
sequence numbers applied here. One interface, two stores: SQLite (stations and township
hubs, today's tables) and PostgreSQL (a county, city or province hub served by several workers).

The two must agree on every outcome; tests/haian_desk/test_hub_log.py runs the same checks,
hypothesis orderings included, against both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from haian_desk.core.errors import NotFound
from haian_desk.events import ledger
from haian_desk.replication import sync_state
from haian_desk.replication.sync_state import CHILD, Peer
from haian_desk.storage import eventlog
from haian_desk.storage.db import Database
from haian_desk.storage.eventlog import COLUMNS, Event
from haian_desk.storage.postgres import projections
from haian_desk.storage.postgres.database import PgDatabase


@dataclass(frozen=True)
class Received:
    added: tuple[str, ...]  # ids of the events that were new here, in the batch's order
    already: int  # events of the batch this hub held before
    coverage: int  # the peer's sequence up to which everything is applied here


class HubLog(Protocol):
    def enrol(self, peer: Peer) -> None: ...
    def receive(self, peer_id: str, events: Sequence[Event], lo: int, hi: int) -> Received: ...
    def coverage(self, peer_id: str) -> int: ...
    def ranges(self, peer_id: str) -> list[tuple[int, int]]: ...
    def event_ids(self) -> set[str]: ...
    def via(self, origin: str) -> str | None: ...


def _unknown(peer_id: str) -> NotFound:
    return NotFound(
        "没有登记过的下级站点：{peer}", "请先为它办理登记（haian-desk hub enrol）", params={"peer": peer_id[:8]}
    )


class SqliteHubLog:
    """Today's tables in the hub's SQLite file (haian_desk.replication.sync_state)."""

    def __init__(self, db: Database):
        self.db = db

    def enrol(self, peer: Peer) -> None:
        with self.db.write() as conn:
            sync_state.save_peer(conn, peer)

    def receive(self, peer_id: str, events: Sequence[Event], lo: int, hi: int) -> Received:
        with self.db.write() as conn:
            if (
                conn.execute("SELECT 1 FROM sync_peers WHERE id = ? AND status = 'enrolled'", (peer_id,)).fetchone()
                is None
            ):
                raise _unknown(peer_id)
            added = eventlog.insert_new(conn, events)
            for stream, stream_id in sorted({(e.stream, e.stream_id) for e in added}):
                ledger.refold(conn, stream, stream_id)
            sync_state.note_origins(conn, {e.origin for e in events}, peer_id)
            covered = sync_state.add_range(conn, peer_id, lo, hi)
            conn.execute(
                "UPDATE sync_peers SET events_received = events_received + ? WHERE id = ?", (len(added), peer_id)
            )
        return Received(tuple(e.id for e in added), len(events) - len(added), covered)

    def coverage(self, peer_id: str) -> int:
        with self.db.read() as conn:
            return sync_state.coverage(conn, peer_id)

    def ranges(self, peer_id: str) -> list[tuple[int, int]]:
        return [
            (r["lo"], r["hi"])
            for r in self.db.query("SELECT lo, hi FROM sync_ranges WHERE peer = ? ORDER BY lo", (peer_id,))
        ]

    def event_ids(self) -> set[str]:
        return {r[0] for r in self.db.query("SELECT id FROM events")}

    def via(self, origin: str) -> str | None:
        return self.db.scalar("SELECT via FROM sync_origins WHERE origin = ?", (origin,))


_ARRAY_TYPES = ("text", "text", "text", "text", "text", "text", "bigint", "text", "text", "text")
_INSERT_EVENTS = (
    f"INSERT INTO events ({', '.join(COLUMNS)}) "
    f"SELECT * FROM unnest({', '.join(f'%b::{t}[]' for t in _ARRAY_TYPES)}) "
    "ON CONFLICT DO NOTHING RETURNING id"
)


def pg_store_new(conn, events: Sequence[Event]) -> set[str]:
    """Store on PostgreSQL the events not already held (by id or by origin and number) and fold
    the streams they touch, in the caller's transaction; returns the ids stored now."""
    rows = [e.to_row() for e in events]
    columns = [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in COLUMNS]
    new = {r[0] for r in conn.execute(_INSERT_EVENTS, columns).fetchall()}
    projections.refold_touched(conn, [e for e in events if e.id in new])
    return new


class PgHubLog:
    """The same tables on PostgreSQL, safe for several workers at once: the event ids' unique
    constraint stores each event once, and the sending peer's row is locked (FOR UPDATE) while
    its ranges are merged, so two workers receiving from one peer take turns in the database."""

    def __init__(self, db: PgDatabase):
        self.db = db

    def enrol(self, peer: Peer) -> None:
        self.db.run(lambda conn: self.enrol_in(conn, peer))

    @staticmethod
    def enrol_in(conn, peer: Peer) -> None:
        """``enrol`` inside the caller's transaction."""
        sync_state.upsert_peer(conn, peer, "%s")

    def receive(self, peer_id: str, events: Sequence[Event], lo: int, hi: int) -> Received:
        return self.db.run(lambda conn: self.receive_in(conn, peer_id, events, lo, hi))

    @classmethod
    def receive_in(cls, conn, peer_id: str, events: Sequence[Event], lo: int, hi: int) -> Received:
        """``receive`` inside the caller's transaction (the HTTP hub screens and books the batch
        in the same one: haian_desk.replication.pg_hub)."""
        if (
            conn.execute(
                "SELECT 1 FROM sync_peers WHERE id = %s AND status = 'enrolled' FOR UPDATE", (peer_id,)
            ).fetchone()
            is None
        ):
            raise _unknown(peer_id)
        new = pg_store_new(conn, events)
        conn.cursor().executemany(
            "INSERT INTO sync_origins (origin, via) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [(o, peer_id) for o in sorted({e.origin for e in events})],
        )
        covered = cls._add_range(conn, peer_id, lo, hi)
        conn.execute("UPDATE sync_peers SET events_received = events_received + %s WHERE id = %s", (len(new), peer_id))
        added = tuple(e.id for e in events if e.id in new)
        return Received(added, len(events) - len(added), covered)

    @staticmethod
    def _add_range(conn, peer_id: str, lo: int, hi: int) -> int:
        spans = [
            (r[0], r[1]) for r in conn.execute("SELECT lo, hi FROM sync_ranges WHERE peer = %s ORDER BY lo", (peer_id,))
        ]
        merged = sync_state.merge_spans(spans + [(lo, hi)])
        if merged != spans:
            conn.execute("DELETE FROM sync_ranges WHERE peer = %s", (peer_id,))
            conn.cursor().executemany(
                "INSERT INTO sync_ranges (peer, lo, hi) VALUES (%s, %s, %s)", [(peer_id, a, b) for a, b in merged]
            )
        return sync_state.covered(merged)

    def coverage(self, peer_id: str) -> int:
        return sync_state.covered(self.ranges(peer_id))

    def ranges(self, peer_id: str) -> list[tuple[int, int]]:
        return [
            (r[0], r[1])
            for r in self.db.query("SELECT lo, hi FROM sync_ranges WHERE peer = %s ORDER BY lo", (peer_id,))
        ]

    def event_ids(self) -> set[str]:
        return {r[0] for r in self.db.query("SELECT id FROM events")}

    def via(self, origin: str) -> str | None:
        return self.db.scalar("SELECT via FROM sync_origins WHERE origin = %s", (origin,))


def child_peer(peer_id: str, unit_code: str, unit_name: str, at: str) -> Peer:
    """A station or township below, as enrolled (the keys here are placeholders for tests and
    tools that exercise storage without a real enrolment)."""
    return Peer(
        id=peer_id,
        relation=CHILD,
        unit_code=unit_code,
        unit_name=unit_name,
        role="township",
        sign_key="-",
        box_key="-",
        enrolled_at=at,
    )

"""Sync bookkeeping kept beside the event log (schema v3).

What an installation remembers about the installations it exchanges with:
who they are and their public keys (enrolment), which ranges of their event
log have been applied here, through which neighbour each origin's events
arrive, records held back for inspection, batches already received, what a
neighbour refused of ours, and a log of exchanges. Each of these changes in
the same transaction as the events it describes, so a checkpoint is never
ahead of a commit. The transport (keys, files, HTTP) is in the ``sync``
package; this module knows only tables.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, fields

from haian_desk.storage.db import Database, note

PARENT, CHILD = "parent", "child"
BOOKKEEPING = "sync"  # noted on a transaction that changed these tables (see storage.db.note)
ENROLLED, REVOKED = "enrolled", "revoked"


@dataclass(frozen=True)
class Peer:
    """A neighbour in the sync tree: the hub above (parent) or a station below (child)."""

    id: str
    relation: str
    unit_code: str
    unit_name: str
    role: str
    sign_key: str
    box_key: str
    url: str | None = None
    tls_ca: str | None = None
    status: str = ENROLLED
    enrolled_at: str = ""
    revoked_at: str | None = None
    acked: int = 0
    last_contact: str | None = None
    clock_drift: int | None = None
    events_received: int = 0
    last_attempt: str | None = None
    last_success: str | None = None
    last_error_kind: str | None = None
    last_error: str | None = None

    @property
    def active(self) -> bool:
        return self.status == ENROLLED

    @classmethod
    def from_row(cls, row) -> Peer:  # a sqlite3.Row, or a PostgreSQL hub's row (read by name too)
        return cls(**{f.name: row[f.name] for f in fields(cls)})


def _bookkeeping(write: Callable) -> Callable:
    """A function that changes these tables notes so on its transaction: the screens that show
    sync read again after it, as they do after the ledger's streams."""

    @functools.wraps(write)
    def noted(conn, *args, **kwargs):
        note(conn, BOOKKEEPING)
        return write(conn, *args, **kwargs)

    return noted


# -- peers -------------------------------------------------------------------


def get_peer(db: Database, peer_id: str) -> Peer | None:
    found = db.query("SELECT * FROM sync_peers WHERE id = ?", (peer_id,))
    return Peer.from_row(found[0]) if found else None


def list_peers(db: Database, relation: str | None = None) -> list[Peer]:
    sql = "SELECT * FROM sync_peers"
    params: tuple[str, ...] = ()
    if relation:
        sql, params = sql + " WHERE relation = ?", (relation,)
    return [Peer.from_row(r) for r in db.query(sql + " ORDER BY unit_code, enrolled_at", params)]


def parent(db: Database) -> Peer | None:
    found = db.query("SELECT * FROM sync_peers WHERE relation = ? AND status = ?", (PARENT, ENROLLED))
    return Peer.from_row(found[0]) if found else None


def active_child_for_unit(conn: sqlite3.Connection, unit_code: str) -> Peer | None:
    row = conn.execute(
        "SELECT * FROM sync_peers WHERE relation = ? AND status = ? AND unit_code = ?", (CHILD, ENROLLED, unit_code)
    ).fetchone()
    return Peer.from_row(row) if row else None


@_bookkeeping
def save_peer(conn: sqlite3.Connection, peer: Peer) -> None:
    """Enrol (or re-enrol with new keys) a neighbour; its counters are kept."""
    upsert_peer(conn, peer)


def upsert_peer(conn, peer: Peer, mark: str = "?") -> None:
    """``save_peer``'s statement, for either database (``mark``: the driver's parameter mark)."""
    marks = ", ".join([mark] * 11)
    conn.execute(
        f"""INSERT INTO sync_peers (id, relation, unit_code, unit_name, role, sign_key, box_key, url,
                                   tls_ca, status, enrolled_at)
           VALUES ({marks})
           ON CONFLICT (id) DO UPDATE SET relation = excluded.relation,
               unit_code = excluded.unit_code, unit_name = excluded.unit_name, role = excluded.role,
               sign_key = excluded.sign_key, box_key = excluded.box_key,
               url = coalesce(excluded.url, sync_peers.url),
               tls_ca = coalesce(excluded.tls_ca, sync_peers.tls_ca),
               status = excluded.status, enrolled_at = excluded.enrolled_at, revoked_at = NULL""",
        (
            peer.id,
            peer.relation,
            peer.unit_code,
            peer.unit_name,
            peer.role,
            peer.sign_key,
            peer.box_key,
            peer.url,
            peer.tls_ca,
            peer.status,
            peer.enrolled_at,
        ),
    )


@_bookkeeping
def revoke(conn, peer_id: str, at: str, mark: str = "?") -> None:
    """Also a PostgreSQL hub's statement (``mark``: the driver's parameter mark)."""
    conn.execute(
        f"UPDATE sync_peers SET status = {mark}, revoked_at = {mark} WHERE id = {mark}", (REVOKED, at, peer_id)
    )


@_bookkeeping
def set_address(conn, peer_id: str, url: str | None, tls_ca: str | None, mark: str = "?") -> None:
    if url:
        conn.execute(f"UPDATE sync_peers SET url = {mark} WHERE id = {mark}", (url, peer_id))
    if tls_ca:
        conn.execute(f"UPDATE sync_peers SET tls_ca = {mark} WHERE id = {mark}", (tls_ca, peer_id))


@_bookkeeping
def note_contact(conn, peer_id: str, at: str, clock_drift: int | None = None, mark: str = "?") -> None:
    conn.execute(
        f"UPDATE sync_peers SET last_contact = {mark}, clock_drift = coalesce({mark}, clock_drift) WHERE id = {mark}",
        (at, clock_drift, peer_id),
    )


@_bookkeeping
def note_acked(conn, peer_id: str, acked: int, mark: str = "?") -> None:
    """How far the peer says it holds our log (our seq, or a PostgreSQL hub's position); it can go
    down after a restore (the peer holds less, and we must send again from there)."""
    conn.execute(f"UPDATE sync_peers SET acked = {mark} WHERE id = {mark}", (acked, peer_id))


@_bookkeeping
def note_attempt(
    conn: sqlite3.Connection, peer_id: str, at: str, ok: bool, error_kind: str | None = None, error: str | None = None
) -> None:
    if ok:
        conn.execute(
            "UPDATE sync_peers SET last_attempt = ?, last_success = ?, last_error_kind = NULL, "
            "last_error = NULL WHERE id = ?",
            (at, at, peer_id),
        )
    else:
        conn.execute(
            "UPDATE sync_peers SET last_attempt = ?, last_error_kind = ?, last_error = ? WHERE id = ?",
            (at, error_kind, error, peer_id),
        )


# -- applied ranges: (lo, hi] of a peer's local ``events.seq`` held here ---------


@_bookkeeping
def add_range(conn: sqlite3.Connection, peer_id: str, lo: int, hi: int) -> int:
    """Record that the peer's events in (lo, hi] are applied here; returns the new coverage."""
    spans = [
        (r["lo"], r["hi"])
        for r in conn.execute("SELECT lo, hi FROM sync_ranges WHERE peer = ? ORDER BY lo", (peer_id,))
    ]
    merged = merge_spans(spans + [(lo, hi)])
    if merged != spans:
        conn.execute("DELETE FROM sync_ranges WHERE peer = ?", (peer_id,))
        conn.executemany(
            "INSERT INTO sync_ranges (peer, lo, hi) VALUES (?, ?, ?)", [(peer_id, a, b) for a, b in merged]
        )
    return covered(merged)


def coverage(conn: sqlite3.Connection, peer_id: str) -> int:
    """The peer's seq up to which everything it sent is applied here (the resume point)."""
    spans = [
        (r["lo"], r["hi"])
        for r in conn.execute("SELECT lo, hi FROM sync_ranges WHERE peer = ? ORDER BY lo", (peer_id,))
    ]
    return covered(spans)


@_bookkeeping
def reset_ranges(conn: sqlite3.Connection, peer_id: str) -> None:
    """Forget what was applied from the peer, so it is asked for again (insert-or-ignore makes that safe)."""
    conn.execute("DELETE FROM sync_ranges WHERE peer = ?", (peer_id,))


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (lo, hi] spans joined, empty ones dropped, in order."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(s for s in spans if s[1] > s[0]):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def covered(spans: list[tuple[int, int]]) -> int:
    """The sequence up to which the spans hold everything from the start (0 when they don't)."""
    merged = merge_spans(spans)
    return merged[0][1] if merged and merged[0][0] == 0 else 0


# -- origins: through which neighbour each installation's events arrive ---------


@_bookkeeping
def note_origins(conn: sqlite3.Connection, origins: set[str], via: str) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO sync_origins (origin, via) VALUES (?, ?)", [(o, via) for o in sorted(origins)]
    )


def via_of(conn, origins: set[str], mark: str = "?") -> dict[str, str]:
    """Through which neighbour each origin's records arrive (``mark``: the driver's parameter mark;
    the PostgreSQL hub reads its own sync_origins with the same statement)."""
    result = {}
    for origin in origins:
        row = conn.execute(f"SELECT via FROM sync_origins WHERE origin = {mark}", (origin,)).fetchone()
        if row:
            result[origin] = row["via"]
    return result


def origins_via(db: Database, via: str) -> set[str]:
    return {r["origin"] for r in db.query("SELECT origin FROM sync_origins WHERE via = ?", (via,))}


def origins_below(conn, child_id: str, mark: str = "?") -> list[str]:
    """The installations whose records reach this hub through ``child_id`` besides the child
    itself: a township's stations (a station has none). A rebuilt township learns from them which
    of the records it gets back are its stations' (``mark``: the driver's parameter mark)."""
    rows = conn.execute(
        f"SELECT origin FROM sync_origins WHERE via = {mark} AND origin != {mark} ORDER BY origin",
        (child_id, child_id),
    )
    return [r[0] for r in rows]


# -- quarantine: records received but held back, with a readable reason ---------


@_bookkeeping
def quarantine(
    conn: sqlite3.Connection,
    *,
    event_id: str,
    origin: str | None,
    peer: str,
    batch_id: str,
    problem: str,
    reason: str,
    body: str,
    at: str,
) -> bool:
    """Keep a refused record for inspection; False if this exact record was already held."""
    same = conn.execute("SELECT 1 FROM sync_quarantine WHERE event_id = ? AND body = ?", (event_id, body)).fetchone()
    if same:
        return False
    conn.execute(
        "INSERT INTO sync_quarantine (event_id, origin, peer, batch_id, problem, reason, body, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, origin, peer, batch_id, problem, reason, body, at),
    )
    return True


@_bookkeeping
def resolve_quarantine(conn: sqlite3.Connection, event_ids: list[str], at: str) -> None:
    """Records held earlier and now applied (sent again after the cause was fixed) are no longer open."""
    conn.executemany(
        "UPDATE sync_quarantine SET resolved_at = ? WHERE event_id = ? AND resolved_at IS NULL",
        [(at, event_id) for event_id in _still_held(conn, event_ids)],
    )


def _still_held(conn: sqlite3.Connection, event_ids: list[str], chunk: int = 500) -> set[str]:
    # Almost no record of a batch was ever held: one query per chunk finds those that were,
    # instead of an UPDATE per record of every batch a hub receives.
    held: set[str] = set()
    for start in range(0, len(event_ids), chunk):
        part = event_ids[start : start + chunk]
        marks = ", ".join("?" * len(part))
        held.update(
            row[0]
            for row in conn.execute(
                f"SELECT event_id FROM sync_quarantine WHERE resolved_at IS NULL AND event_id IN ({marks})", part
            )
        )
    return held


def open_quarantine(conn: sqlite3.Connection, peer: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM sync_quarantine WHERE peer = ? AND resolved_at IS NULL", (peer,)
    ).fetchone()[0]


def quarantined(db: Database, peer: str | None = None, include_resolved: bool = False) -> list[sqlite3.Row]:
    sql, params = "SELECT * FROM sync_quarantine WHERE 1 = 1", []
    if peer:
        sql += " AND peer = ?"
        params.append(peer)
    if not include_resolved:
        sql += " AND resolved_at IS NULL"
    return db.query(sql + " ORDER BY id", params)


# -- batches received ---------------------------------------------------------


@_bookkeeping
def claim_batch(
    conn: sqlite3.Connection, batch_id: str, peer: str, direction: str, transport: str, lo: int, hi: int, at: str
) -> sqlite3.Row | None:
    """Register a batch before applying it; returns the earlier row if it was received before.

    This is deliberately the first statement of the apply transaction: a write
    takes the database's write lock at once, so the transaction never has to
    upgrade a read snapshot that another process has overtaken.
    """
    cur = conn.execute(
        "INSERT OR IGNORE INTO sync_batches (batch_id, peer, direction, transport, lo, hi, received_at, "
        "applied, already, rejected, held) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)",
        (batch_id, peer, direction, transport, lo, hi, at),
    )
    if cur.rowcount:
        return None
    return conn.execute("SELECT * FROM sync_batches WHERE batch_id = ?", (batch_id,)).fetchone()


@_bookkeeping
def finish_batch(conn: sqlite3.Connection, batch_id: str, applied: int, already: int, rejected: int, held: int) -> None:
    conn.execute(
        "UPDATE sync_batches SET applied = ?, already = ?, rejected = ?, held = ? WHERE batch_id = ?",
        (applied, already, rejected, held, batch_id),
    )
    conn.execute(
        "UPDATE sync_peers SET events_received = events_received + ? "
        "WHERE id = (SELECT peer FROM sync_batches WHERE batch_id = ?)",
        (applied, batch_id),
    )


# -- what a neighbour refused of ours -----------------------------------------


@_bookkeeping
def note_rejections(conn, peer: str, rejections: list[dict], at: str, mark: str = "?") -> None:
    conn.cursor().executemany(
        f"INSERT INTO sync_rejections (event_id, peer, reason, reported_at) VALUES ({mark}, {mark}, {mark}, {mark}) "
        "ON CONFLICT (event_id, peer) DO UPDATE SET reason = excluded.reason, reported_at = excluded.reported_at",
        [(str(r["id"]), peer, str(r["reason"]), at) for r in rejections],
    )


def rejections(db: Database, peer: str | None = None) -> list[sqlite3.Row]:
    sql = "SELECT * FROM sync_rejections"
    params: tuple[str, ...] = ()
    if peer:
        sql, params = sql + " WHERE peer = ?", (peer,)
    return db.query(sql + " ORDER BY reported_at, event_id", params)


# -- the exchange log ---------------------------------------------------------


@_bookkeeping
def forget_rejections(conn: sqlite3.Connection, event_ids: list[str]) -> None:
    conn.executemany("DELETE FROM sync_rejections WHERE event_id = ?", [(i,) for i in event_ids])


@_bookkeeping
def log_start(conn: sqlite3.Connection, peer: str | None, transport: str, at: str) -> int:
    cur = conn.execute("INSERT INTO sync_log (peer, transport, started_at) VALUES (?, ?, ?)", (peer, transport, at))
    assert cur.lastrowid is not None  # set by every INSERT
    return cur.lastrowid


@_bookkeeping
def log_finish(
    conn: sqlite3.Connection,
    log_id: int,
    at: str,
    ok: bool,
    summary: str = "",
    error_kind: str | None = None,
    error: str | None = None,
) -> None:
    conn.execute(
        "UPDATE sync_log SET finished_at = ?, ok = ?, summary = ?, error_kind = ?, error = ? WHERE id = ?",
        (at, int(ok), summary, error_kind, error, log_id),
    )


def recent_log(db: Database, limit: int = 20) -> list[sqlite3.Row]:
    return db.query("SELECT * FROM sync_log ORDER BY id DESC LIMIT ?", (limit,))

"""Which events go where.

Up: everything in this installation's log that did not come from its hub,
in log order (``events.seq``), past what the hub says it holds. Down: what
concerns one station (events made elsewhere on the cases it took in) and the
reference streams the hub's level owns (cadre directory, catalogue, the
working calendar and the county's 48-hour rule). Both
read the log's head first and then only rows at or below it, so a range
(lo, hi] handed to the receiver never claims an event that was still being
written.
"""

from __future__ import annotations

import hashlib
import sqlite3

from haian_desk import network
from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.replication.sync_state import Peer
from haian_desk.storage.eventlog import COLUMNS, Event

REFERENCE_STREAMS = ("cadre", "catalogue", "calendar", "calendar_rule")
_COLS = ", ".join(f"e.{c}" for c in COLUMNS)

# Events of a station's own cases made above it, and reference data made at
# this level or above (a station's own cadres and catalogue edits go up, not
# sideways to its neighbours). Records shipped with the software never travel:
# every installation has the same ones (haian_desk.cases.shipped_catalogue).
_DOWN_SCOPE = f"""
    (e.stream IN ('cadre', 'catalogue', 'calendar', 'calendar_rule') AND e.origin != '{SHIPPED_ORIGIN}'
        AND e.origin NOT IN (
        SELECT o.origin FROM sync_origins o JOIN sync_peers p ON p.id = o.via WHERE p.relation = 'child'))
    OR (e.stream = 'case' AND e.origin NOT IN (SELECT origin FROM sync_origins WHERE via = :child)
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = e.stream_id
                    AND substr(c.unit_code, 1, length(:unit)) = :unit))
"""
_UP_SCOPE = f"e.origin != '{SHIPPED_ORIGIN}' AND e.origin NOT IN (SELECT origin FROM sync_origins WHERE via = :parent)"
# The same rules for a hub on PostgreSQL (haian_desk.replication.pg_order): written once, here.
UP_SCOPE, DOWN_SCOPE = _UP_SCOPE, _DOWN_SCOPE
# A rebuilt child: its own records too, and those that reached this hub through it (a township's
# stations'; for a station that is its own records again).
RECOVERY_SCOPE = (
    f"e.origin = :child OR e.origin IN (SELECT origin FROM sync_origins WHERE via = :child) OR ({_DOWN_SCOPE})"
)


def unit_of(child: Peer) -> str:
    """The ``:unit`` of the down rule: what the child's matters' codes begin with."""
    return network.matters_prefix(child.unit_code, child.role)


def head(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]


def up_events(conn: sqlite3.Connection, parent_id: str, after: int, limit: int | None) -> tuple[list[Event], int]:
    """The next events to send up after ``after``, and the end of the range they cover."""
    return _select(conn, _UP_SCOPE, {"parent": parent_id}, after, limit)


def down_events(conn: sqlite3.Connection, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int]:
    return _select(conn, _DOWN_SCOPE, {"child": child.id, "unit": unit_of(child)}, after, limit)


def _select(conn, scope: str, params: dict, after: int, limit: int | None) -> tuple[list[Event], int]:
    top = head(conn)
    sql = (
        f"SELECT e.seq, {_COLS} FROM events e WHERE e.seq > :after AND e.seq <= :top "
        f"AND ({scope}) ORDER BY e.seq LIMIT :limit"
    )
    rows = conn.execute(sql, dict(params, after=after, top=top, limit=-1 if limit is None else limit)).fetchall()
    events = [Event.from_row(tuple(r)[1:]) for r in rows]
    full = limit is not None and len(rows) == limit
    return events, (rows[-1]["seq"] if full else max(top, after))


def recovery_events(conn: sqlite3.Connection, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int]:
    """For a child rebuilt after its PC died (sync.recover): everything it ever sent up (a township:
    its stations' records too), and what concerns it from above. Another child's records never qualify."""
    return _select(conn, RECOVERY_SCOPE, {"child": child.id, "unit": unit_of(child)}, after, limit)


def pending_up(conn: sqlite3.Connection, parent_id: str, acked: int) -> int:
    return conn.execute(
        f"SELECT count(*) FROM events e WHERE e.seq > :after AND {_UP_SCOPE}", {"after": acked, "parent": parent_id}
    ).fetchone()[0]


# -- digests for the drift check: a count and a hash of the ids, per origin ---------


def digest(ids: list[str]) -> list:
    return [len(ids), hashlib.sha256("\n".join(ids).encode("ascii")).hexdigest()]


def up_origins(conn: sqlite3.Connection, own_id: str) -> list[str]:
    """This installation and every origin that reaches it from below."""
    rows = conn.execute(
        "SELECT o.origin FROM sync_origins o JOIN sync_peers p ON p.id = o.via WHERE p.relation = 'child'"
    ).fetchall()
    return sorted({own_id, *(r[0] for r in rows)})


def sent_digest(conn: sqlite3.Connection, origin: str, up_to: int) -> list:
    """What this installation has of one origin at or below the hub's acknowledged point."""
    rows = conn.execute("SELECT id FROM events WHERE origin = ? AND seq <= ? ORDER BY id", (origin, up_to))
    return digest([r[0] for r in rows])


def held_digest(conn, origin: str, child_id: str, mark: str = "?") -> list:
    """What the hub holds of one origin from a child, quarantined records included (``mark``:
    the driver's parameter mark, so a hub on PostgreSQL answers with the same statement)."""
    rows = conn.execute(
        f"SELECT id FROM events WHERE origin = {mark} UNION "
        f"SELECT event_id FROM sync_quarantine WHERE origin = {mark} AND peer = {mark} ORDER BY 1",
        (origin, origin, child_id),
    )
    return digest([r[0] for r in rows])


def received_digest(conn: sqlite3.Connection, own_id: str, parent_id: str) -> list:
    """What this installation got from its hub: events of origins above it, quarantined ones included."""
    mine = [*up_origins(conn, own_id), SHIPPED_ORIGIN]
    marks = ", ".join("?" * len(mine))
    rows = conn.execute(
        f"SELECT id FROM events WHERE origin NOT IN ({marks}) UNION "
        "SELECT event_id FROM sync_quarantine WHERE peer = ? ORDER BY 1",
        (*mine, parent_id),
    )
    return digest([r[0] for r in rows])


def given_digest(conn: sqlite3.Connection, child: Peer, up_to: int) -> list:
    """What the hub has sent a child up to the child's cursor."""
    sql = f"SELECT e.id FROM events e WHERE e.seq <= :top AND ({_DOWN_SCOPE}) ORDER BY e.id"
    rows = conn.execute(sql, {"top": up_to, "child": child.id, "unit": unit_of(child)})
    return digest([r[0] for r in rows])


# -- looking up records by id (the check and missing-record exchanges) -------------------------


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ids_up_to(conn: sqlite3.Connection, origin: str, up_to: int) -> list[str]:
    """One origin's record ids at or below a log position, in log order."""
    return [
        r[0] for r in conn.execute("SELECT id FROM events WHERE origin = ? AND seq <= ? ORDER BY seq", (origin, up_to))
    ]


def events_by_id(conn: sqlite3.Connection, ids: list[str], origin: str | None = None) -> list[Event]:
    """These records (of this origin, when given), in log order; unknown ids are left out."""
    found: list[tuple[int, Event]] = []
    for chunk in _chunks(list(ids)):
        mine = " AND origin = ?" if origin is not None else ""
        rows = conn.execute(
            f"SELECT seq, {', '.join(COLUMNS)} FROM events WHERE id IN ({', '.join('?' * len(chunk))}){mine}",
            [*chunk, *([origin] if origin is not None else [])],
        )
        found.extend((row[0], Event.from_row(tuple(row)[1:])) for row in rows)
    return [event for _, event in sorted(found, key=lambda pair: pair[0])]


def held_ids(conn, origin: str, peer_id: str, ids: list[str], mark: str = "?") -> set[str]:
    """Which of these ids of one origin are here, in the log or in what this peer left in quarantine."""
    held: set[str] = set()
    for chunk in _chunks(list(ids)):
        marks = ", ".join([mark] * len(chunk))
        held.update(
            r[0]
            for r in conn.execute(
                f"SELECT id FROM events WHERE origin = {mark} AND id IN ({marks}) UNION "
                f"SELECT event_id FROM sync_quarantine WHERE peer = {mark} AND event_id IN ({marks})",
                [origin, *chunk, peer_id, *chunk],
            )
        )
    return held

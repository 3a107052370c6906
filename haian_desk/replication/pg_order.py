"""What a hub on PostgreSQL forwards, up to its parent and down to a child, in the order its
events were committed, so that a reader paging "after N" never skips one.

A SQLite hub pages by ``events.seq``: it has one writer, so a row's number and its visibility
come in the same order. A PostgreSQL hub has several workers; an identity value is taken at
insert but seen at commit, and seq 41 can be visible while seq 40 is still being written. So
this module pages by ``event_positions.pos`` instead: a number given to each row when its
transaction commits, one transaction at a time (resources/postgres/0004_forward_order.sql says
how and why). Every position a snapshot can see is final: no transaction still running can
take one below the highest visible.

Which events go to whom is the SQLite hub's rule (``selection.UP_SCOPE`` / ``DOWN_SCOPE``),
written once there and only re-marked for psycopg here. The answer has the SQLite selection's
shape: the events, and the end ``hi`` of the range ``(after, hi]`` they cover, in the sender's
positions. A parent records that range as this hub's (``sync_ranges``), as it records any
child's numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.core.errors import N_, NotFound, RuleRefused, ValidationError
from haian_desk.replication import selection, sync_state
from haian_desk.replication.sync_state import CHILD, PARENT, Peer
from haian_desk.storage.eventlog import COLUMNS, Event
from haian_desk.storage.postgres.database import PgDatabase


def _psycopg_marks(scope: str) -> str:
    """``:name`` (sqlite3's marks) as ``%(name)s`` (psycopg's); the values stay parameters."""
    return re.sub(r":(\w+)", r"%(\1)s", scope)


_UP_SCOPE = _psycopg_marks(selection.UP_SCOPE)
_DOWN_SCOPE = _psycopg_marks(selection.DOWN_SCOPE)
_RECOVERY_SCOPE = _psycopg_marks(selection.RECOVERY_SCOPE)
_COLS = ", ".join(f"e.{c}" for c in COLUMNS)


@dataclass(frozen=True)
class Selected:
    """The next events for one neighbour, as outbox.up_batch / down_batch put them in a batch."""

    peer: Peer  # whom they are for
    events: list[Event]
    hi: int  # the range (after, hi] of this hub's positions the events cover
    held: int  # how far this hub holds the neighbour's own log (the header's cursor / held_up_to)
    more: bool  # the limit was reached: ask again after ``hi``


def head(conn) -> int:
    """The highest position this snapshot sees; nothing will ever be numbered at or below it."""
    return conn.execute("SELECT coalesce(max(pos), 0) FROM event_positions").fetchone()[0]


def up_events(conn, parent_id: str, after: int, limit: int | None) -> tuple[list[Event], int]:
    """The next events to send up after position ``after``, and the end of the range they cover."""
    return _select(conn, _UP_SCOPE, {"parent": parent_id}, after, limit)


def down_events(conn, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int]:
    """What concerns ``child`` after position ``after``, and the end of the range it covers."""
    return _select(conn, _DOWN_SCOPE, {"child": child.id, "unit": selection.unit_of(child)}, after, limit)


def recovery_events(conn, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int]:
    """For a child rebuilt after its PC died (sync.recover): what it sent up, and what concerns it."""
    return _select(conn, _RECOVERY_SCOPE, {"child": child.id, "unit": selection.unit_of(child)}, after, limit)


def _select(conn, scope: str, params: dict, after: int, limit: int | None) -> tuple[list[Event], int]:
    _check_window(after, limit)
    top = head(conn)
    if after > top:
        raise _beyond_end(after, top)
    sql = (
        f"SELECT p.pos, {_COLS} FROM event_positions p JOIN events e ON e.seq = p.seq "
        f"WHERE p.pos > %(after)s AND p.pos <= %(top)s AND ({scope}) ORDER BY p.pos LIMIT %(limit)s"
    )
    rows = conn.execute(sql, dict(params, after=after, top=top, limit=limit)).fetchall()
    events = [Event.from_row(tuple(r)[1:]) for r in rows]
    full = limit is not None and len(rows) == limit
    return events, (rows[-1][0] if full else top)


def _check_window(after: int, limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise ValidationError(
            "每批至少要取一条记录（现在要取 {value} 条）",
            "不限条数请不给 limit；否则给一个正数",
            "limit",
            params={"value": limit},
        )
    if after < 0:
        raise ValidationError(
            "对方已收到的位置不能是负数（{value}）",
            "对方的记录可能已损坏；请运行 haian-desk check",
            "after",
            params={"value": after},
        )


def _beyond_end(after: int, top: int) -> RuleRefused:
    # Positions only grow and a neighbour only ever hears of positions this hub had committed,
    # so this is not a race: the database was put back to an earlier state (a restore from an
    # older backup). Sending on would make the neighbour skip every event numbered up to
    # ``after`` from now on, so nothing is sent.
    return RuleRefused(
        "对方说已收到本中心第 {after} 号及以前的记录，但本中心的记录只到第 {top} 号",
        "本中心的数据库可能从较早的备份恢复过：先不要转发，请运行 haian-desk hub check 并与对方核对",
        params={"after": after, "top": top},
    )


def pending_up(conn, parent_id: str, acked: int) -> int:
    """How many events still go up after the parent's acknowledged position."""
    sql = (
        f"SELECT count(*) FROM event_positions p JOIN events e ON e.seq = p.seq WHERE p.pos > %(after)s AND {_UP_SCOPE}"
    )
    return conn.execute(sql, {"after": acked, "parent": parent_id}).fetchone()[0]


# -- the drift check's digests and id lists, by position (selection's, for SQLite, by seq). Ids
# are sorted byte by byte (COLLATE "C") as SQLite sorts them: the two sides hash the same list.


def sent_digest(conn, origin: str, up_to: int) -> list:
    """What this hub has of one origin at or below the parent's acknowledged position."""
    rows = conn.execute(
        "SELECT e.id FROM events e JOIN event_positions p ON p.seq = e.seq "
        'WHERE e.origin = %s AND p.pos <= %s ORDER BY e.id COLLATE "C"',
        (origin, up_to),
    )
    return selection.digest([r[0] for r in rows])


def given_digest(conn, child: Peer, up_to: int) -> list:
    """What this hub has sent a child up to the child's cursor."""
    sql = (
        "SELECT e.id FROM events e JOIN event_positions p ON p.seq = e.seq "
        f'WHERE p.pos <= %(top)s AND ({_DOWN_SCOPE}) ORDER BY e.id COLLATE "C"'
    )
    rows = conn.execute(sql, {"top": up_to, "child": child.id, "unit": selection.unit_of(child)})
    return selection.digest([r[0] for r in rows])


def ids_up_to(conn, origin: str, up_to: int) -> list[str]:
    """One origin's record ids at or below a position, in commit order."""
    rows = conn.execute(
        "SELECT e.id FROM events e JOIN event_positions p ON p.seq = e.seq "
        "WHERE e.origin = %s AND p.pos <= %s ORDER BY p.pos",
        (origin, up_to),
    )
    return [r[0] for r in rows]


def held_digest(conn, origin: str, child_id: str) -> list:
    """What the hub holds of one origin from a child, quarantined records included."""
    rows = conn.execute(
        "SELECT id FROM (SELECT id FROM events WHERE origin = %s UNION "
        'SELECT event_id FROM sync_quarantine WHERE origin = %s AND peer = %s) u ORDER BY id COLLATE "C"',
        (origin, origin, child_id),
    )
    return selection.digest([r[0] for r in rows])


def up_origins(conn, own_id: str) -> list[str]:
    """This hub and every origin that reaches it from below."""
    rows = conn.execute(
        "SELECT o.origin FROM sync_origins o JOIN sync_peers p ON p.id = o.via WHERE p.relation = 'child'"
    ).fetchall()
    return sorted({own_id, *(r[0] for r in rows)})


def received_digest(conn, own_id: str, parent_id: str) -> list:
    """What this hub got from its parent: events of origins above it, quarantined ones included."""
    rows = conn.execute(
        "SELECT id FROM (SELECT id FROM events WHERE NOT (origin = ANY(%s)) UNION "
        'SELECT event_id FROM sync_quarantine WHERE peer = %s) u ORDER BY id COLLATE "C"',
        ([*up_origins(conn, own_id), SHIPPED_ORIGIN], parent_id),
    )
    return selection.digest([r[0] for r in rows])


def events_by_id(conn, ids: list[str], origin: str | None = None) -> list[Event]:
    """These records (of this origin, when given), in commit order; unknown ids are left out."""
    mine = " AND e.origin = %(origin)s" if origin is not None else ""
    rows = conn.execute(
        f"SELECT {_COLS} FROM events e JOIN event_positions p ON p.seq = e.seq "
        f"WHERE e.id = ANY(%(ids)s){mine} ORDER BY p.pos",
        {"ids": list(ids), "origin": origin},
    )
    return [Event.from_row(tuple(r)) for r in rows]


def held_ids(conn, origin: str, peer_id: str, ids: list[str]) -> set[str]:
    """Which of these ids of one origin are here, in the log or in what this peer left in quarantine."""
    rows = conn.execute(
        "SELECT id FROM events WHERE origin = %(origin)s AND id = ANY(%(ids)s) UNION "
        "SELECT event_id FROM sync_quarantine WHERE peer = %(peer)s AND event_id = ANY(%(ids)s)",
        {"origin": origin, "peer": peer_id, "ids": list(ids)},
    )
    return {r[0] for r in rows}


# The numbering lock of 0004_forward_order.sql (its two-int key space is apart from the one-bigint
# keys of migrations and of the per-stream fold locks).
_NUMBERING_LOCK = (4841, 4)
_NUMBER_THE_REST = """
    WITH todo AS (SELECT e.seq, row_number() OVER (ORDER BY e.seq) AS k FROM events e
                  WHERE NOT EXISTS (SELECT 1 FROM event_positions p WHERE p.seq = e.seq)),
         base AS (SELECT nextval('event_position_numbers') - 1 AS b WHERE EXISTS (SELECT 1 FROM todo))
    INSERT INTO event_positions (pos, seq) SELECT base.b + todo.k, todo.seq FROM todo, base
"""


def number_unnumbered(db: PgDatabase) -> int:
    """Give a position to every stored event that has none, in seq order; returns how many.

    For events loaded around the numbering trigger (a bulk load or benchmark data generated with
    ``ALTER TABLE events DISABLE TRIGGER events_number_at_commit``: the trigger costs about as
    much again as a raw COPY); ``hub check`` names such events. It numbers under the trigger's
    own lock, so the rule still holds: nothing is ever numbered below a position already seen."""

    def work(conn) -> int:
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", _NUMBERING_LOCK)
        added = conn.execute(_NUMBER_THE_REST).rowcount
        if added:  # the numbers were taken past the sequence: move it on (no one else can, locked)
            conn.execute("SELECT setval('event_position_numbers', (SELECT max(pos) FROM event_positions))")
        return added

    return db.run(work)


class PgForward:
    """Reads for the up and down batches of a hub on PostgreSQL, each in one snapshot."""

    def __init__(self, db: PgDatabase):
        self.db = db

    def up(self, parent_id: str, after: int, limit: int | None) -> Selected:
        with self._snapshot() as conn:
            parent = _peer(conn, parent_id, PARENT)
            events, hi = up_events(conn, parent.id, after, limit)
            return Selected(parent, events, hi, _coverage(conn, parent.id), _full(events, limit))

    def down(self, child_id: str, after: int, limit: int | None) -> Selected:
        with self._snapshot() as conn:
            child = _peer(conn, child_id, CHILD)
            events, hi = down_events(conn, child, after, limit)
            return Selected(child, events, hi, _coverage(conn, child.id), _full(events, limit))

    def recovery(self, child_id: str, after: int, limit: int | None) -> Selected:
        with self._snapshot() as conn:
            child = _peer(conn, child_id, CHILD)
            events, hi = recovery_events(conn, child, after, limit)
            return Selected(child, events, hi, _coverage(conn, child.id), _full(events, limit))

    def head(self) -> int:
        with self.db.transaction() as conn:
            return head(conn)

    @contextmanager
    def _snapshot(self) -> Iterator:
        with self.db.transaction() as conn:
            # the head, the rows and the coverage from one moment of a log others keep writing
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield conn


def _full(events: list[Event], limit: int | None) -> bool:
    return limit is not None and len(events) == limit


def _coverage(conn, peer_id: str) -> int:
    spans = [
        (r[0], r[1]) for r in conn.execute("SELECT lo, hi FROM sync_ranges WHERE peer = %s ORDER BY lo", (peer_id,))
    ]
    return sync_state.covered(spans)


def _peer(conn, peer_id: str, relation: str) -> Peer:
    row = conn.execute("SELECT * FROM sync_peers WHERE id = %s AND status = 'enrolled'", (peer_id,)).fetchone()
    if row is None:
        raise NotFound(
            "没有登记过的上下级站点：{peer}", "请先为它办理登记（haian-desk hub enrol）", params={"peer": peer_id[:8]}
        )
    peer = Peer.from_row(row)
    if peer.relation != relation:
        raise RuleRefused(
            "{peer} 不是本中心的{relation}，不能按这个方向给它发记录",
            "向上级发用上报批次，向下级发下发批次",
            params={"peer": peer_id[:8], "relation": N_("上级") if relation == PARENT else N_("下级")},
        )
    return peer

"""A county, city or province hub on PostgreSQL receiving from the hubs (or stations) below it.

The same screening as the SQLite hub (``receive.screen``: shape, route, creation, case scope,
clock, clashes, caps), the same quarantine, and one transaction per batch holding all of it:
the batch claimed in ``sync_batches`` (a replay finds its row: ``already_received``), refused
records in ``sync_quarantine``, the events, their folds, the origins and the range through
``PgHubLog.receive_in``. Several workers share the database: the sending peer's row is locked
first (``FOR UPDATE``), so one peer's batches take turns, and the unique constraints on
``sync_batches.batch_id`` and on the events store each once whatever happens in a process.

An old-style seeded catalogue from a level still on old software is stored and set aside in
``events_set_aside`` (0005) by the same rule as on SQLite (``shipped_catalogue.settle``): kept in
the log, left out of every fold.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from haian_desk.cases import shipped_catalogue
from haian_desk.core.errors import HaianError, SetupError
from haian_desk.core.timeutil import now_utc, to_iso
from haian_desk.network import Installation
from haian_desk.replication import numbering, pg_order, selection, sync_state
from haian_desk.replication.hub_log import PgHubLog
from haian_desk.replication.pg_order import PgForward
from haian_desk.replication.receive import (
    ApplyReport,
    Arrival,
    Refused,
    check_caps,
    conflict_counts,
    held_count,
    known,
    record_body,
    record_id,
    route_refusal,
    screen,
)
from haian_desk.replication.status import stations_from
from haian_desk.replication.sync_state import CHILD, PARENT, Peer
from haian_desk.storage.eventlog import Event
from haian_desk.storage.postgres import hub as pg
from haian_desk.storage.postgres.create import PG_ROLES, check_url
from haian_desk.storage.postgres.database import PgDatabase
from haian_desk.storage.postgres.projections import refold_touched
from haian_desk.storage.reading import pg_rows

PG = "%s"  # psycopg's parameter mark, for the statements written once for both databases


def _peer(conn, peer_id: str, lock: bool = False) -> Peer | None:
    row = conn.execute(f"SELECT * FROM sync_peers WHERE id = %s{' FOR UPDATE' if lock else ''}", (peer_id,)).fetchone()
    return None if row is None else Peer.from_row(row)


class PgHub:
    """The hub whose storage is a PostgreSQL database (opened with ``storage.postgres.hub.open_hub``)."""

    def __init__(self, db: PgDatabase, wall: Callable[[], datetime] = now_utc):
        self.db, self.wall = db, wall
        found = pg.identity(db)
        self._own = Installation(found.installation_id, found.unit_code, found.unit_name, found.role)

    @property
    def own(self) -> Installation:
        return self._own

    def now(self) -> datetime:
        return self.wall()

    def peer(self, peer_id: str) -> Peer | None:
        return self.db.run(lambda conn: _peer(conn, peer_id))

    def hello(self, peer_id: str, at: str, drift: int | None) -> int:
        def work(conn) -> int:
            sync_state.note_contact(conn, peer_id, at, drift, mark="%s")
            return _coverage(conn, peer_id)

        return self.db.run(work)

    def note_contact(self, peer_id: str, at: str) -> None:
        self.db.run(lambda conn: sync_state.note_contact(conn, peer_id, at, mark="%s"))

    def head(self) -> int:
        # what this hub can have sent down is numbered by commit order (pg_order), not by seq
        return PgForward(self.db).head()

    def apply(self, arrival: Arrival, before_commit: Callable[[], None] | None = None) -> ApplyReport:
        def work(conn) -> ApplyReport:  # done again whole if the server aborts it for a collision
            report = apply_in(conn, self.own.id, arrival)
            if before_commit and not report.duplicate:
                before_commit()
            return report

        return self.db.run(work)

    def down(self, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int, int]:
        chosen = PgForward(self.db).down(child.id, after, limit)
        return chosen.events, chosen.hi, chosen.held

    def held_digests(self, peer: Peer, origins: list[str]) -> dict[str, list]:
        def work(conn) -> dict[str, list]:
            via = sync_state.via_of(conn, set(origins), PG)
            return {
                origin: selection.held_digest(conn, origin, peer.id, PG)
                for origin in origins
                if route_refusal(self.own.id, peer, origin, via.get(origin)) is None
            }

        return self.db.run(work)

    def given_digest(self, child: Peer, up_to: int) -> list:
        return self.db.run(lambda conn: pg_order.given_digest(conn, child, up_to))

    def reset_ranges(self, peer_id: str) -> None:
        self.db.run(lambda conn: conn.execute("DELETE FROM sync_ranges WHERE peer = %s", (peer_id,)))

    def may_see(self, peer: Peer, origin: str) -> bool:
        via = self.db.run(lambda conn: sync_state.via_of(conn, {origin}, PG)).get(origin)
        return route_refusal(self.own.id, peer, origin, via) is None

    def held_ids(self, peer: Peer, origin: str, ids: list[str]) -> set[str]:
        return self.db.run(lambda conn: selection.held_ids(conn, origin, peer.id, ids, PG))

    def numbering(self, child: Peer) -> dict:
        """Where a restored child's numbering stood: the rule SQLite's hub answers with, read here."""
        return self.db.run(lambda conn: numbering.held_for(conn, child.id, child.unit_code, PG))

    def recovery(self, child: Peer, after: int, limit: int | None) -> tuple[list[Event], int, int]:
        """For a rebuilt child: the SQLite hub's recovery scope, read by commit position in one snapshot."""
        chosen = PgForward(self.db).recovery(child.id, after, limit)
        return chosen.events, chosen.hi, chosen.held

    def below(self, child: Peer) -> list[str]:
        """Whose records reach this hub through ``child`` besides its own (a township's stations)."""
        return self.db.run(lambda conn: sync_state.origins_below(conn, child.id, PG))

    # -- looking after the hub (CLI): enrolment, revocation, the keys it signs with ---------------

    def enrol(self, child: Peer) -> Peer | None:
        """Record a child; when its unit is already held by another active installation, the
        other one (nothing written). Under a table lock: two enrolments at once cannot both win."""

        def work(conn) -> Peer | None:
            conn.execute("LOCK TABLE sync_peers IN SHARE ROW EXCLUSIVE MODE")
            row = conn.execute(
                "SELECT * FROM sync_peers WHERE relation = 'child' AND unit_code = %s AND status = 'enrolled' "
                "AND id != %s",
                (child.unit_code, child.id),
            ).fetchone()
            if row is not None:
                return Peer.from_row(row)
            PgHubLog.enrol_in(conn, child)
            return None

        return self.db.run(work)

    def children(self) -> list[Peer]:
        rows = self.db.query("SELECT * FROM sync_peers WHERE relation = 'child' ORDER BY unit_code, enrolled_at")
        return [Peer.from_row(r) for r in rows]

    def stations(self, now: datetime | None = None) -> list[dict]:
        """``hub stations`` on PostgreSQL: the same figures as a SQLite hub's (status.stations_from)."""
        peers = self.children()
        with pg_rows(self.db) as rows:
            return stations_from(rows, peers, to_iso(now or self.now()))

    def revoke(self, peer_id: str, at: str) -> None:
        self.db.run(lambda conn: sync_state.revoke(conn, peer_id, at, mark="%s"))

    def replay_book(self, window: float) -> PgNonceBook:
        """Nonces remembered in the database, so every worker refuses a replay to any of them."""
        return PgNonceBook(self.db, window)

    def pin_signing_key(self, sign_public: str) -> str:
        """The public key this hub signs with, noted the first time; afterwards what was noted.
        Every worker and every host must serve with the same keys (the ones its stations pinned)."""

        def work(conn) -> str:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('sync_sign_key', %s) ON CONFLICT (key) DO NOTHING",
                (sign_public,),
            )
            return conn.execute("SELECT value FROM meta WHERE key = 'sync_sign_key'").fetchone()[0]

        return self.db.run(work)


class PgNonceBook:
    """The replay book of every worker serving one hub (``auth.NonceBook``'s ``first_use``), in
    ``sync_nonces``: a nonce is taken by the one INSERT that wins its primary key, and one seen
    longer ago than twice the window may be used again, as in the per-process book."""

    PRUNE_EVERY = 500  # requests between sweeps of expired rows (a sweep is housekeeping, not a rule)

    def __init__(self, db: PgDatabase, window: float):
        self.db, self.keep = db, 2 * window
        self._since_prune = 0

    def first_use(self, caller: str, nonce: str) -> bool | None:
        """True the first time; False for a replay (None, "too busy", never: the table has room)."""
        self._since_prune += 1
        if self._since_prune >= self.PRUNE_EVERY:
            self._since_prune = 0
            self.db.run(
                lambda conn: conn.execute(
                    "DELETE FROM sync_nonces WHERE seen_at < now() - make_interval(secs => %s)", (self.keep,)
                )
            )
        taken = self.db.run(
            lambda conn: conn.execute(
                "INSERT INTO sync_nonces (peer, nonce) VALUES (%s, %s) ON CONFLICT (peer, nonce) DO UPDATE "
                "SET seen_at = now() WHERE sync_nonces.seen_at < now() - make_interval(secs => %s) RETURNING 1",
                (caller, nonce, self.keep),
            ).fetchone()
        )
        return taken is not None


def open_hub(url: str, max_size: int = 8) -> PgDatabase:
    """A PostgreSQL hub's database, refused plainly before anything is served: not a PostgreSQL
    address, server unreachable, schema of another version, or not (yet) a hub."""
    check_url(url)
    db = pg.open_hub(url, max_size)
    try:
        found = pg.identity(db)
        if found.role not in PG_ROLES:
            raise SetupError(
                "这个数据库里的单位（{role}）不是县、市、省中心",
                "请检查 --database 是否写对",
                params={"role": found.role},
            )
    except Exception:
        db.close()
        raise
    return db


def _coverage(conn, peer_id: str) -> int:
    spans = [(r[0], r[1]) for r in conn.execute("SELECT lo, hi FROM sync_ranges WHERE peer = %s", (peer_id,))]
    return sync_state.covered(spans)


def apply_in(conn, own_id: str, arrival: Arrival) -> ApplyReport:
    """A batch from a child (``up``) or, for a hub with a parent, from the parent (``down``:
    replication.pg_parent), screened the same way and stored in the caller's transaction."""
    peer_id, batch_id, records, at = arrival.sender.id, arrival.batch_id, arrival.records, arrival.at
    lo, hi, direction = arrival.lo, arrival.hi, arrival.direction
    relation = CHILD if direction == "up" else PARENT
    report = ApplyReport(batch_id)
    sender = _peer(conn, peer_id, lock=True)  # one peer's batches take turns, across workers
    if sender is None or not sender.active or sender.relation != relation:
        raise _not_enrolled(peer_id) if relation == CHILD else _no_parent(peer_id)
    earlier = _claim(conn, batch_id, peer_id, arrival.transport, lo, hi, at, direction)
    if earlier is not None:
        report.received_before, report.already = earlier, len(records)
        report.coverage = _coverage(conn, peer_id)
        return report

    def hold(record: Any, refused: Refused) -> None:
        _hold(conn, record, sender, batch_id, refused, at)

    good = screen(own_id, sender, records, report, at, known(conn, records, sync_state.via_of, PG), hold)
    check_caps(sender, len(report.rejected), _open_quarantine(conn, peer_id))
    conflicts_before = conflict_counts(conn, good, PG)
    received = PgHubLog.receive_in(conn, peer_id, good, lo, hi)
    # an old-style seeded catalogue from a not yet upgraded level: set aside as on SQLite
    shipped_catalogue.settle(conn, good, PG, lambda old: refold_touched(conn, old))
    _resolve_quarantine(conn, [e.id for e in good], at)
    report.applied = len(received.added)
    report.already += len(good) - len(received.added)
    report.held = held_count(conn, good, PG)
    report.conflicts = sorted(
        case_id for case_id, n in conflict_counts(conn, good, PG).items() if n > conflicts_before.get(case_id, 0)
    )
    report.coverage = received.coverage
    conn.execute(
        "UPDATE sync_batches SET applied = %s, already = %s, rejected = %s, held = %s WHERE batch_id = %s",
        (report.applied, report.already, len(report.rejected), report.held, batch_id),
    )
    sync_state.note_contact(conn, peer_id, at, mark="%s")
    return report


def _not_enrolled(peer_id: str) -> HaianError:
    return HaianError(
        "发出这一批的下级（{peer}）没有在本中心登记或已被注销，不能接收",
        "请先为它办理登记（haian-desk hub enrol --database …）",
        params={"peer": peer_id[:8]},
    )


def _no_parent(peer_id: str) -> HaianError:
    return HaianError(
        "发出这一批的上级（{peer}）不是本中心登记的上级，或已被注销，不能接收",
        "请检查导入的回执是不是本中心上级发来的",
        params={"peer": peer_id[:8]},
    )


def _claim(
    conn, batch_id: str, peer_id: str, transport: str, lo: int, hi: int, at: str, direction: str = "up"
) -> str | None:
    """The batch's row, first of its transaction; when it is already there, when it first arrived."""
    row = conn.execute(
        "INSERT INTO sync_batches (batch_id, peer, direction, transport, lo, hi, received_at, "
        "applied, already, rejected, held) VALUES (%s, %s, %s, %s, %s, %s, %s, 0, 0, 0, 0) "
        "ON CONFLICT (batch_id) DO NOTHING RETURNING batch_id",
        (batch_id, peer_id, direction, transport, lo, hi, at),
    ).fetchone()
    if row is not None:
        return None
    return conn.execute("SELECT received_at FROM sync_batches WHERE batch_id = %s", (batch_id,)).fetchone()[0]


def _hold(conn, record: Any, sender: Peer, batch_id: str, refused: Refused, at: str) -> None:
    body = record_body(record)
    event_id = record_id(record)
    if conn.execute("SELECT 1 FROM sync_quarantine WHERE event_id = %s AND body = %s", (event_id, body)).fetchone():
        return  # this exact record is held already
    origin = record.get("origin") if isinstance(record, dict) else None
    conn.execute(
        "INSERT INTO sync_quarantine (event_id, origin, peer, batch_id, problem, reason, body, received_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        (
            event_id,
            origin if isinstance(origin, str) else None,
            sender.id,
            batch_id,
            refused.problem,
            refused.reason,
            body,
            at,
        ),
    )


def _open_quarantine(conn, peer_id: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM sync_quarantine WHERE peer = %s AND resolved_at IS NULL", (peer_id,)
    ).fetchone()[0]


def _resolve_quarantine(conn, event_ids: list[str], at: str) -> None:
    """Records held earlier and stored now (sent again once the cause was fixed) are no longer open."""
    if event_ids:
        conn.execute(
            "UPDATE sync_quarantine SET resolved_at = %s WHERE resolved_at IS NULL AND event_id = ANY(%s)",
            (at, event_ids),
        )

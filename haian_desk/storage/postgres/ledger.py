"""``Ledger.record`` on a hub's PostgreSQL database: the same checks and rules (the actor's
right, the clock, ``Projector.step`` refusing what the rules refuse), with the event stored the
way every event reaches a PostgreSQL hub (``hub_log.pg_store_new``: numbered in commit order by
0004's trigger, so ``PgHub.down`` sends it on to the township and the station) and its row
folded there, in the caller's transaction.

Only the storage differs from SQLite's ledger; nothing here decides what is allowed.
"""

from __future__ import annotations

from haian_desk.core.errors import HaianError
from haian_desk.events.ledger import Ledger
from haian_desk.events.projection import Projector
from haian_desk.replication.hub_log import pg_store_new
from haian_desk.storage.eventlog import Event
from haian_desk.storage.postgres.projections import PgProjections


class PgLedger(Ledger):
    """Records on a hub's PostgreSQL database; ``conn`` is a ``dialect.PgConn``."""

    def _require_numbers(self, conn) -> None:
        # A hub numbers its own events from its log (it is never restored behind its children's
        # backs: the server keeps it). Workers recording at once take turns per origin, so two
        # never pick the same number.
        conn.raw.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"origin/{self.origin}",))

    def _next_seq(self, conn) -> int:
        row = conn.raw.execute("SELECT max(origin_seq) FROM events WHERE origin = %s", (self.origin,)).fetchone()
        return (row[0] or 0) + 1

    def _load(self, conn, projector: Projector, stream_id: str) -> dict | None:
        return PgProjections(conn.raw).load(projector, stream_id)

    def _write(self, conn, event: Event, projector: Projector, before: dict | None, state: dict) -> None:
        # the fold from the log gives the row step gave: the clock caught up with the stream first
        if event.id not in pg_store_new(conn.raw, [event]):
            raise HaianError("事件没有存进中心数据库（编号冲突）", "请再办一次")

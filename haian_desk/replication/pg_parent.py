"""A hub on PostgreSQL and its parent (county → city, city → province): which peer is the parent,
how far the parent has acknowledged our log (``sync_peers.acked``), and taking the parent's down
batch (its reply) in one transaction with the same screening as a batch from below.

Exactly once through cuts: the batch's row in ``sync_batches`` is claimed first in the same
transaction that stores its events, notes the acknowledgement it carries and the rejections it
reports, so a reply imported twice (or a push retried after a lost answer) changes nothing the
second time, and a kill before COMMIT leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable

from haian_desk.core.errors import HaianError
from haian_desk.replication import pg_hub, sync_state
from haian_desk.replication.receive import ApplyReport, Arrival
from haian_desk.replication.sync_state import PARENT, Peer
from haian_desk.storage.postgres.database import PgDatabase


def has_parent(db: PgDatabase) -> bool:
    """Whether this hub has an enrolled parent to push to (a county under its city)."""
    return bool(db.query("SELECT 1 FROM sync_peers WHERE relation = %s AND status = 'enrolled'", (PARENT,)))


def parent(db: PgDatabase) -> Peer:
    """This hub's enrolled parent, or a message saying there is none."""
    rows = db.query("SELECT id FROM sync_peers WHERE relation = %s AND status = 'enrolled' ORDER BY id", (PARENT,))
    if not rows:
        raise HaianError(
            "本中心还没有登记上级中心，无法上报",
            "请先向上级办理登记（haian-desk enrol request --database …），把上级的答复导入后再上报",
        )
    found = db.run(lambda conn: pg_hub._peer(conn, rows[0][0]))
    assert found is not None  # just read
    return found


def acked(db: PgDatabase, parent_id: str) -> int:
    """How far in our commit order the parent has acknowledged holding our log."""
    row = db.query("SELECT acked FROM sync_peers WHERE id = %s", (parent_id,))
    return int(row[0][0]) if row else 0


def apply_down(
    db: PgDatabase,
    own_id: str,
    arrival: Arrival,
    held_up_to: int,
    rejected: list[dict],
    before_commit: Callable[[], None] | None = None,
) -> ApplyReport:
    """The parent's down batch stored, its acknowledgement (``held_up_to``) and the records it
    refused noted, all or nothing."""
    parent_id = arrival.sender.id

    def work(conn) -> ApplyReport:  # run again whole if the server aborts it for a collision
        report = pg_hub.apply_in(conn, own_id, arrival)
        if not report.duplicate:
            sync_state.note_acked(conn, parent_id, held_up_to, mark="%s")
            sync_state.note_rejections(conn, parent_id, rejected, arrival.at, mark="%s")
            if before_commit:
                before_commit()
        return report

    return db.run(work)

"""Batches made by a hub on PostgreSQL: the headers and events sync.outbox makes for a SQLite
hub, but the events chosen and the ranges counted in the order the hub's workers committed them
(haian_desk.replication.pg_order), never by ``events.seq``, which several workers fill out of
order. The receiver cannot tell the two apart and needs not: it records ``(lo, hi]`` of the
sender's numbers either way.

The HTTP hub on PostgreSQL (sync.hub, being built) is meant to call ``down_batch`` where the
SQLite hub calls ``outbox.down_batch``, and a PostgreSQL hub's push to its parent ``up_batch``.
"""

from __future__ import annotations

from datetime import datetime

from haian_desk.core.timeutil import now_utc
from haian_desk.network import Installation
from haian_desk.replication.pg_order import PgForward, Selected
from haian_desk.storage.postgres import hub as pg_hub
from haian_desk.storage.postgres.database import PgDatabase
from sync.batch import Batch
from sync.limits import DEFAULT_BATCH
from sync.outbox import header_from


def up_batch(
    db: PgDatabase, parent_id: str, after: int, limit: int | None = DEFAULT_BATCH, now: datetime | None = None
) -> Batch:
    """This hub's next events for its parent after ``after`` (the parent's coverage of our log)."""
    chosen = PgForward(db).up(parent_id, after, limit)
    return _batch(db, "up", after, chosen, now, cursor=chosen.held)


def down_batch(
    db: PgDatabase,
    child_id: str,
    after: int,
    limit: int | None = DEFAULT_BATCH,
    rejected: list[dict] | None = None,
    now: datetime | None = None,
) -> Batch:
    """What concerns ``child_id`` after ``after`` (its coverage of our log), with our acknowledgement."""
    chosen = PgForward(db).down(child_id, after, limit)
    extra = {"more": chosen.more, "held_up_to": chosen.held, "rejected": rejected or []}
    return _batch(db, "down", after, chosen, now, **extra)


def _batch(db: PgDatabase, kind: str, after: int, chosen: Selected, now: datetime | None, **extra) -> Batch:
    hub = pg_hub.identity(db)
    own = Installation(hub.installation_id, hub.unit_code, hub.unit_name, hub.role)
    header = header_from(own, now or now_utc(), chosen.peer, kind, after, chosen.hi, **extra)
    return Batch(header, [e.to_dict() for e in chosen.events])

"""Making batches: up to the hub, down to a station, and the station's reply file."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import to_iso
from haian_desk.network import Installation
from haian_desk.replication import selection, sync_state
from haian_desk.replication.hub_backend import HubBackend, SqliteHub
from haian_desk.replication.sync_state import Peer
from sync.batch import Batch
from sync.limits import DEFAULT_BATCH

if TYPE_CHECKING:
    from haian_desk.desk import Desk

DEFAULT_LIMIT = DEFAULT_BATCH  # events per batch over HTTP: a few hundred kilobytes at most


def _header(desk: Desk, receiver: Peer, kind: str, lo: int, hi: int, **extra) -> dict:
    return header_from(desk.installation, desk.now(), receiver, kind, lo, hi, **extra)


def header_from(own: Installation, now: datetime, receiver: Peer, kind: str, lo: int, hi: int, **extra) -> dict:
    return {
        "batch": uuid7(),
        "from": own.id,
        "from_unit": own.unit_code,
        "to": receiver.id,
        "kind": kind,
        "made_at": to_iso(now),
        "range": [lo, hi],
        **extra,
    }


def up_batch(desk: Desk, parent: Peer, after: int, limit: int | None = DEFAULT_LIMIT) -> Batch:
    """Our next events for the hub after ``after`` (the hub's coverage of our log)."""
    with desk.db.read() as conn:
        events, hi = selection.up_events(conn, parent.id, after, limit)
        cursor = sync_state.coverage(conn, parent.id)
    header = _header(desk, parent, "up", after, hi, cursor=cursor)
    return Batch(header, [e.to_dict() for e in events])


def down_batch(
    desk: Desk, child: Peer, after: int, limit: int | None = DEFAULT_LIMIT, rejected: list[dict] | None = None
) -> Batch:
    """What concerns ``child`` after ``after`` (its coverage of our log), with our acknowledgement."""
    return down_batch_from(SqliteHub(desk), child, after, limit, rejected)


def down_batch_from(
    hub: HubBackend, child: Peer, after: int, limit: int | None = DEFAULT_LIMIT, rejected: list[dict] | None = None
) -> Batch:
    """``down_batch`` from either hub backend (SQLite desk or PostgreSQL)."""
    events, hi, held = hub.down(child, after, limit)
    more = limit is not None and len(events) == limit
    header = header_from(
        hub.own, hub.now(), child, "down", after, hi, more=more, held_up_to=held, rejected=rejected or []
    )
    return Batch(header, [e.to_dict() for e in events])


def batch_of(desk: Desk, parent: Peer, events: list[dict], at: int) -> Batch:
    """Chosen events for the hub, claiming no range (``[at, at]``): a repair after a mismatch."""
    with desk.db.read() as conn:
        cursor = sync_state.coverage(conn, parent.id)
    return Batch(_header(desk, parent, "up", at, at, cursor=cursor), events)

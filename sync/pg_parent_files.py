"""A hub on PostgreSQL and its parent, by file: export the next up batch (from what the parent
last acknowledged, in commit order: sync.pg_outbox), import the parent's reply (a down batch:
its events, its acknowledgement, its rejections) in one transaction
(haian_desk.replication.pg_parent). The same files a SQLite hub exchanges with its parent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haian_desk.core.timeutil import to_iso
from haian_desk.replication import pg_parent
from haian_desk.replication.pg_hub import PgHub
from haian_desk.replication.receive import ApplyReport, Arrival, BatchTooBad
from haian_desk.replication.sync_state import PARENT, Peer
from haian_desk.storage.postgres.database import PgDatabase
from sync import failpoints, pg_outbox
from sync.batch import seal
from sync.errors import BatchRefused
from sync.files import _read_batch_file, write_atomically
from sync.inbox import open_for, refused_whole
from sync.keys import InstallationKeys
from sync.limits import MAX_RECORDS


@dataclass
class Exported:
    path: Path
    events: int
    after: int
    hi: int


def export_up(db: PgDatabase, keys: InstallationKeys, path: Path) -> Exported:
    """The next up batch for the parent, sealed to it, written whole or not at all."""
    parent = pg_parent.parent(db)
    after = pg_parent.acked(db, parent.id)
    batch = pg_outbox.up_batch(db, parent.id, after, limit=MAX_RECORDS)
    write_atomically(path, seal(batch, keys, parent.box_key))
    return Exported(path, len(batch.events), after, batch.range[1])


def import_reply(db: PgDatabase, keys: InstallationKeys, path: Path) -> ApplyReport:
    """The parent's reply file applied once: a second import of the same file changes nothing."""
    return take_reply(db, keys, _read_batch_file(path), "file")


def take_reply(
    db: PgDatabase, keys: InstallationKeys, data: bytes, transport: str, signer: Peer | None = None
) -> ApplyReport:
    """A down batch from the parent (a file, or an answer over HTTP), checked, then applied once."""
    hub = PgHub(db)
    parent, batch = open_for(hub, keys, data, signer)
    if parent.relation != PARENT:
        raise BatchRefused(
            "wrong_direction",
            "这份文件的方向不对（这是下级的上报文件，不是上级的回执）",
            "请导入上级中心发回的回执文件",
        )
    lo, hi = batch.range
    failpoints.hit("pg.down.before_apply")
    try:
        arrival = Arrival(parent, batch.batch_id, transport, lo, hi, batch.events, to_iso(hub.now()), "down")
        report = pg_parent.apply_down(
            db,
            hub.own.id,
            arrival,
            held_up_to=int(batch.header.get("held_up_to") or 0),
            rejected=list(batch.header.get("rejected") or []),
            before_commit=lambda: failpoints.hit("pg.down.in_transaction"),
        )
    except BatchTooBad as error:
        raise refused_whole(error) from None
    failpoints.hit("pg.down.after_commit")
    return report

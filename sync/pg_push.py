"""``hub push --database``: a hub on PostgreSQL pushes up to its parent over HTTP and takes the
parent's reply, as a station or township does (sync.exchange), with PostgreSQL's bookkeeping.

Exactly once: what the parent holds is the parent's word (``held_up_to`` in its hello and in each
acknowledgement), noted in its own transaction; the parent stores each event once whatever we
send again; each down batch is claimed, stored and acknowledged in one transaction
(haian_desk.replication.pg_parent). A push killed anywhere is simply run again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

import psycopg

from haian_desk.core.errors import HaianError, SetupError
from haian_desk.core.timeutil import now_utc, to_iso
from haian_desk.replication import pg_parent, pg_push_status, sync_state
from haian_desk.replication.hub_log import PgHubLog
from haian_desk.replication.pg_hub import PgHub
from haian_desk.storage.postgres.database import PgDatabase
from sync import failpoints, pg_outbox
from sync.batch import seal
from sync.client import HubLink
from sync.errors import SyncError
from sync.keys import InstallationKeys
from sync.limits import DEFAULT_BATCH
from sync.pg_parent_files import take_reply
from sync.server import BATCH_TYPE

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)


@dataclass
class PushReport:
    sent: int = 0
    already: int = 0
    received: int = 0
    held_up_to: int = 0
    rejected: list = field(default_factory=list)


class _Caller:
    """What HubLink reads from a desk (who signs, and the clock), answered by the PostgreSQL hub."""

    def __init__(self, hub: PgHub):
        self.installation, self.now = hub.own, hub.now


# One push at a time per database, across workers and hosts: a session advisory lock on a
# connection of its own, released by PostgreSQL when that connection ends (a killed push too).
PUSH_LOCK = "SELECT pg_try_advisory_lock(hashtext('haian-desk hub push'))"


@contextmanager
def _only_push(db: PgDatabase) -> Iterator[None]:
    with psycopg.connect(db.url, autocommit=True) as conn:
        row = conn.execute(PUSH_LOCK).fetchone()
        if not (row and row[0]):
            raise SyncError("busy", "另一次上报正在进行", "请等它结束后再上报（同一时间只能有一次上报）")
        yield


def push(db: PgDatabase, keys: InstallationKeys, url: str | None = None, limit: int = DEFAULT_BATCH) -> PushReport:
    """One push (by hand or by ``hub serve``'s pusher), its outcome noted for ``hub push --status``;
    a push refused because another one runs is not an outcome."""
    with _only_push(db):
        try:
            report = _push(db, keys, url, limit)
        except HaianError as error:
            _note_failure(db, error)
            raise
        pg_push_status.note_success(db, now_utc(), report.sent)
        return report


def _note_failure(db: PgDatabase, error: HaianError) -> None:
    try:
        pg_push_status.note_failure(db, now_utc(), str(error))
    except psycopg.Error:  # the database may be what failed: the push's own error is the one to tell
        log.warning("could not note the failed push in the database", exc_info=True)


def _push(db: PgDatabase, keys: InstallationKeys, url: str | None, limit: int) -> PushReport:
    parent = pg_parent.parent(db)
    if url:
        db.run(lambda conn: sync_state.set_address(conn, parent.id, url, None, mark="%s"))
    address = url or parent.url
    if not address:
        raise SetupError("还不知道上级中心的网址", "请用 --hub https://上级中心地址 指明（会记住）")
    hub, report = PgHub(db), PushReport()
    with HubLink(cast("Desk", _Caller(hub)), keys, parent, address) as link:
        hello = _json(link.request("POST", "/v1/hello", _body({"software": "haian-desk", "clock": to_iso(hub.now())})))
        held = int(hello["you"]["held_up_to"])
        db.run(lambda conn: sync_state.note_acked(conn, parent.id, held, mark="%s"))
        report.held_up_to = _send_up(db, keys, parent, link, held, limit, report)
        _fetch_down(db, keys, parent, link, limit, report)
    return report


def _send_up(db, keys, parent, link: HubLink, held: int, limit: int, report: PushReport) -> int:
    while True:
        batch = pg_outbox.up_batch(db, parent.id, held, limit)
        if not batch.events:
            return held
        failpoints.hit("pg.push.before_send")
        ack = _json(link.request("POST", "/v1/batches", seal(batch, keys, parent.box_key), BATCH_TYPE))
        failpoints.hit("pg.push.after_send")
        new_held, at = int(ack["held_up_to"]), to_iso(PgHub(db).now())
        rejected = list(ack.get("rejected", []))

        def note(conn, new_held=new_held, rejected=rejected, at=at) -> None:
            sync_state.note_acked(conn, parent.id, new_held, mark="%s")
            sync_state.note_rejections(conn, parent.id, rejected, at, mark="%s")

        db.run(note)
        report.sent += int(ack.get("applied", 0))
        report.already += int(ack.get("already", 0))
        report.rejected += rejected
        if new_held <= held:
            raise SyncError("protocol", "上级中心没有确认收到刚发的一批", "请联系上级中心检查同步服务")
        held = new_held


def _fetch_down(db, keys, parent, link: HubLink, limit: int, report: PushReport) -> None:
    cursor = PgHubLog(db).coverage(parent.id)
    while True:
        response = link.request("GET", f"/v1/batches?after={cursor}&limit={limit}")
        failpoints.hit("pg.push.after_fetch")
        applied = take_reply(db, keys, response.content, "http", signer=parent)
        report.received += applied.applied
        if applied.coverage <= cursor:  # nothing further: the parent's last answer moved nothing
            return
        cursor = applied.coverage


def _body(value: dict) -> bytes:
    return json.dumps(value).encode()


def _json(response) -> dict:
    try:
        return response.json()
    except ValueError:
        raise SyncError("bad_reply", "上级中心的回复无法读取", "请联系上级中心检查同步服务") from None

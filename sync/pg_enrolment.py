"""A hub on PostgreSQL enrolling under its parent (county under its city, city under its
province): its request and the parent's answer are the same signed files a township's are
(sync.enrolment); the parent, pinned, is a row of ``sync_peers`` with relation ``parent``."""

from __future__ import annotations

from haian_desk.core.timeutil import to_iso
from haian_desk.replication import pg_hub as pg_hub_rules
from haian_desk.replication.hub_log import PgHubLog
from haian_desk.replication.pg_hub import PgHub
from haian_desk.replication.sync_state import PARENT, Peer
from sync import enrolment
from sync.errors import SyncError
from sync.keys import InstallationKeys


def make_request(hub: PgHub, own: InstallationKeys) -> dict:
    """The signed request a PostgreSQL hub hands its parent."""
    body = {
        "format": enrolment.REQUEST,
        "version": enrolment.VERSION,
        **enrolment._identity_of(hub.own, own),
        "made_at": to_iso(hub.now()),
    }
    return enrolment._signed(body, own)


def accept(hub: PgHub, own: InstallationKeys, answer: dict, url: str | None = None) -> Peer:
    """Pin the parent that answered, checked as a township checks it, in one transaction (the
    current parent read under a lock, so two workers accepting at once cannot pin two)."""

    def work(conn) -> Peer:
        conn.execute("LOCK TABLE sync_peers IN SHARE ROW EXCLUSIVE MODE")
        row = conn.execute(
            "SELECT id FROM sync_peers WHERE relation = %s AND status = 'enrolled' ORDER BY id LIMIT 1", (PARENT,)
        ).fetchone()
        current = pg_hub_rules._peer(conn, row[0]) if row else None
        peer = enrolment.parent_from(hub.own, own, answer, current, url)
        PgHubLog.enrol_in(conn, peer)
        return peer

    if not answer:
        raise SyncError("damaged", "登记答复是空的", "请重新向上级中心办理登记")
    return hub.db.run(work)

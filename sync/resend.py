"""Records the hub refused, sent again once the cause is fixed (or set aside on purpose).

A refused record stays in this installation's log; the hub holds it in
quarantine with its reason, and its place in our log counts as delivered, so
an ordinary exchange never sends it again. When the township says the cause
is fixed (its software updated, the station's enrolment corrected …), the
record is sent once more in a batch of its own that claims no range of our
log, so nothing else about the exchange moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import to_iso
from haian_desk.replication import selection, sync_state
from haian_desk.storage.eventlog import Event
from sync import keys as keymod
from sync.batch import MEDIA_TYPE, Batch, seal
from sync.client import HubLink
from sync.errors import SyncError

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass
class Resent:
    accepted: list[str] = field(default_factory=list)
    still_refused: list[dict] = field(default_factory=list)  # {"id", "reason"}


def resend(desk: Desk, event_ids: list[str], own: keymod.InstallationKeys | None = None) -> Resent:
    """Send these refused records to the hub again; the ones it now takes are no longer listed."""
    own = own or keymod.load(desk.folder)
    hub = sync_state.parent(desk.db)
    if hub is None or not hub.url:
        raise SyncError("no_address", "重发需要联网同步，但还不知道镇中心的网址", "请先填写镇中心的网址")
    events = _events(desk, event_ids)
    if not events:
        raise SyncError("nothing", "没有找到要重发的记录", "列表可能已过期；请刷新")
    with HubLink(desk, own, hub, hub.url) as link:
        ack = link.request("POST", "/v1/batches", seal(_batch(desk, hub, events), own, hub.box_key), MEDIA_TYPE).json()
    refused = {r["id"]: r for r in ack.get("rejected", [])}
    result = Resent([e.id for e in events if e.id not in refused], list(refused.values()))
    with desk.db.write() as conn:
        sync_state.forget_rejections(conn, result.accepted)
        sync_state.note_rejections(conn, hub.id, result.still_refused, to_iso(desk.now()))
    return result


def set_aside(desk: Desk, event_ids: list[str]) -> None:
    with desk.db.write() as conn:
        sync_state.forget_rejections(conn, event_ids)


def _events(desk: Desk, event_ids: list[str]) -> list[Event]:
    with desk.db.read() as conn:
        return selection.events_by_id(conn, event_ids, origin=desk.installation.id)


def _batch(desk: Desk, hub: sync_state.Peer, events: list[Event]) -> Batch:
    own = desk.installation
    mark = hub.acked  # an empty range (mark, mark]: this batch moves no checkpoint
    with desk.db.read() as conn:
        cursor = sync_state.coverage(conn, hub.id)
    header = {
        "batch": uuid7(),
        "from": own.id,
        "from_unit": own.unit_code,
        "to": hub.id,
        "kind": "up",
        "made_at": to_iso(desk.now()),
        "range": [mark, mark],
        "cursor": cursor,
    }
    return Batch(header, [e.to_dict() for e in events])

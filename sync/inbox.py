"""Receiving a batch, from HTTP or a file: check everything, then apply it in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.core.timeutil import to_iso
from haian_desk.replication import sync_state
from haian_desk.replication.hub_backend import CannotScreen, HubBackend, SqliteHub
from haian_desk.replication.receive import ApplyReport, Arrival, BatchTooBad, apply_batch
from haian_desk.replication.sync_state import CHILD, PARENT, Peer
from sync import failpoints
from sync.batch import Batch, open_sealed, read_envelope
from sync.errors import BatchRefused
from sync.keys import InstallationKeys
from sync.limits import RANGE_SLACK

if TYPE_CHECKING:
    from haian_desk.desk import Desk

EXPECTED_KIND = {CHILD: "up", PARENT: "down"}


@dataclass
class Receipt:
    peer: Peer
    batch: Batch
    report: ApplyReport


def open_batch(desk: Desk, own: InstallationKeys, data: bytes, signer: Peer | None = None) -> tuple[Peer, Batch]:
    """Check a batch from end to end without applying it; raises BatchRefused with the reason."""
    return open_for(SqliteHub(desk), own, data, signer)


def open_for(hub: HubBackend, own: InstallationKeys, data: bytes, signer: Peer | None = None) -> tuple[Peer, Batch]:
    """``open_batch`` against either hub backend (SQLite desk or PostgreSQL)."""
    envelope, sealed = read_envelope(data)
    me = hub.own
    if envelope["to"] != me.id:
        raise BatchRefused(
            "wrong_receiver",
            "这份同步文件是发给另一台电脑（{short}）的，不是本机",
            "请确认拿的是发给本站（本中心）的文件",
            params={"short": _short(envelope["to"])},
        )
    peer = hub.peer(envelope["from"])
    if peer is None:
        raise BatchRefused(
            "unknown_sender",
            "发出这份文件的电脑（{short}）没有在本机登记，不能导入",
            "请先用登记文件办理登记（haian-desk hub enrol）",
            params={"short": _short(envelope["from"])},
        )
    if not peer.active:
        raise BatchRefused(
            "revoked",
            "“{unit_name}”已被注销，它发来的记录不再接收",
            "如需恢复，请重新办理登记",
            params={"unit_name": peer.unit_name},
        )
    if signer is not None and signer.id != peer.id:
        raise BatchRefused("identity_mismatch", "请求的发送方与批次里标明的站点不一致", "请不要转发别站的批次")
    batch = open_sealed(envelope, sealed, own, peer.sign_key)
    if batch.kind != EXPECTED_KIND[peer.relation]:
        raise BatchRefused(
            "wrong_direction",
            "这份文件的方向不对（上报文件应导入到镇中心，回执文件应导入到本站）",
            "请检查导入的是哪一份文件",
        )
    _check_range(batch)
    if peer.relation == CHILD:
        _check_claim(hub, batch)
    return peer, batch


def receive(desk: Desk, own: InstallationKeys, data: bytes, transport: str, signer: Peer | None = None) -> Receipt:
    peer, batch = open_batch(desk, own, data, signer)
    lo, hi = batch.range
    failpoints.hit(f"{_side(peer)}.before_apply")

    def inside_transaction() -> None:
        if batch.kind == "down":
            with desk.db.write() as conn:  # a savepoint inside apply_batch's transaction
                sync_state.note_acked(conn, peer.id, int(batch.header.get("held_up_to") or 0))
                sync_state.note_rejections(conn, peer.id, list(batch.header.get("rejected") or []), to_iso(desk.now()))
        failpoints.hit(f"{_side(peer)}.in_transaction")

    try:
        arrival = Arrival(peer, batch.batch_id, transport, lo, hi, batch.events, to_iso(desk.now()), batch.kind)
        report = apply_batch(desk, arrival, before_commit=inside_transaction)
    except BatchTooBad as error:
        raise refused_whole(error) from None
    failpoints.hit(f"{_side(peer)}.after_commit")
    return Receipt(peer, batch, report)


def refused_whole(error: BatchTooBad) -> BatchRefused:
    """A batch with too many records refused to apply any of it, said as the refusal of a batch."""
    return BatchRefused("too_many_refused", error.template, error.hint_template, params=error.params)


def take(hub: HubBackend, own: InstallationKeys, data: bytes, transport: str, signer: Peer | None = None) -> Receipt:
    """A hub receiving a batch from below, whichever storage it has: checked, then applied once."""
    peer, batch = open_for(hub, own, data, signer)
    if peer.relation != CHILD:
        raise BatchRefused(
            "wrong_direction",
            "这份文件的方向不对（上报文件应导入到镇中心，回执文件应导入到本站）",
            "请检查导入的是哪一份文件",
        )
    lo, hi = batch.range
    failpoints.hit("hub.up.before_apply")
    try:
        arrival = Arrival(peer, batch.batch_id, transport, lo, hi, batch.events, to_iso(hub.now()))
        report = hub.apply(arrival, before_commit=lambda: failpoints.hit("hub.up.in_transaction"))
    except BatchTooBad as error:
        raise refused_whole(error) from None
    except CannotScreen as error:
        raise BatchRefused("cannot_screen", error.template, error.hint_template, params=error.params) from None
    failpoints.hit("hub.up.after_commit")
    return Receipt(peer, batch, report)


def _side(peer: Peer) -> str:
    # The hub is the side receiving from a child; the station the side receiving from its hub.
    return "hub.up" if peer.relation == CHILD else "station.down"


def _check_range(batch: Batch) -> None:
    try:
        lo, hi = batch.range
        ok = 0 <= lo <= hi
    except (TypeError, ValueError, KeyError):
        ok = False
    if not ok:
        raise BatchRefused("damaged", "同步批次标明的范围不正确", "请重新导出")


def _check_claim(hub: HubBackend, batch: Batch) -> None:
    """A child's log holds its own records, its children's and what we sent it, nothing else.

    So the range a batch covers can be no wider than its records plus our whole
    log (what we can have sent it) and some slack; a wider claim would make us
    acknowledge records that never came."""
    lo, hi = batch.range
    ours = hub.head()
    if hi - lo > len(batch.events) + ours + RANGE_SLACK:
        raise BatchRefused(
            "range_too_wide",
            "这一批标明覆盖 {value} 个位置，但只带来 {n_events} 条记录，超出发送方可能有的记录",
            "发出方的数据可能已损坏或被篡改；请联系镇中心核查",
            params={"value": hi - lo, "n_events": len(batch.events)},
        )


def _short(installation_id: str) -> str:
    return installation_id[:8] + "…" if len(installation_id) > 8 else installation_id

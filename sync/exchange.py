"""One full exchange between an installation and its hub over HTTP: up, then down, then a check.

Resumable by construction: the hub says how far it holds our log before we
send, and our cursor in its log is written in the same transaction as what
it sent us, so a cut at any point costs at most the batch in flight. Retries
wait with a capped, doubling backoff. Nothing here holds a database
transaction across the network, so intake at the counter never waits for it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.core.errors import Message, SetupError
from haian_desk.core.messages import cli_tr, message_text
from haian_desk.core.timeutil import from_iso, to_iso
from haian_desk.replication import selection, sync_state
from haian_desk.replication.status import clock_warning
from haian_desk.replication.sync_state import Peer
from sync import failpoints, inbox, keys as keymod, numbering, outbox
from sync.backoff import Backoff
from sync.batch import MEDIA_TYPE as BATCH_TYPE, seal
from sync.client import HubLink
from sync.errors import SyncError
from sync.limits import DEFAULT_CONNECT, DEFAULT_STALL

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass
class ExchangeReport:
    hub_name: str = ""
    sent: int = 0
    sent_batches: int = 0
    already: int = 0
    rejected: list[dict] = field(default_factory=list)
    received: int = 0
    received_batches: int = 0
    held: int = 0
    conflicts: list[str] = field(default_factory=list)
    clock_drift: int | None = None
    check: str = "not_run"
    warnings: list[Message] = field(default_factory=list)  # shown in the reader's language
    attempts: int = 1

    def summary(self) -> str:
        parts = [
            cli_tr("上传 {sent} 条（{batches} 批）", sent=self.sent, batches=self.sent_batches),
            cli_tr("下载 {received} 条（{batches} 批）", received=self.received, batches=self.received_batches),
        ]
        if self.already:
            parts.append(cli_tr("{already} 条对方早已收到", already=self.already))
        if self.rejected:
            parts.append(cli_tr("{rejected} 条被拒收", rejected=len(self.rejected)))
        return cli_tr("，").join(parts)

    def lines(self) -> list[str]:
        lines = [cli_tr("与“{hub}”同步完成：{summary}", hub=self.hub_name, summary=self.summary())]
        lines += [cli_tr("  被拒收：{event}：{reason}", event=r["id"], reason=r["reason"]) for r in self.rejected]
        if self.held:
            lines.append(cli_tr("  {held} 条记录在等它之前的记录到达后才会显示", held=self.held))
        if self.conflicts:
            lines.append(cli_tr("  {cases} 件办件有两处同时办理的冲突，请工作人员核对", cases=len(self.conflicts)))
        checked = {
            "same": cli_tr("  核对：双方记录一致"),
            "repaired": cli_tr("  核对：发现不一致，已补齐"),
            "differs": cli_tr("  核对：双方记录仍不一致，请联系镇中心"),
        }
        lines.append(checked.get(self.check) or cli_tr("  核对：未进行"))
        lines += [cli_tr("  注意：{warning}", warning=message_text(w)) for w in self.warnings]
        return lines


def exchange(
    desk: Desk,
    own: keymod.InstallationKeys | None = None,
    *,
    url: str | None = None,
    tls_ca: str | None = None,
    retries: int = 3,
    backoff: Backoff | None = None,
    stall_timeout: float = DEFAULT_STALL,
    connect_timeout: float = DEFAULT_CONNECT,
    limit: int = outbox.DEFAULT_LIMIT,
    sleep: Callable[[float], None] = time.sleep,
) -> ExchangeReport:
    """Run one exchange with the hub (retrying transient failures); raises SyncError if it cannot."""
    own = own or keymod.load(desk.folder)
    hub = _hub(desk, url, tls_ca)
    backoff = backoff or Backoff()
    report = ExchangeReport(hub_name=hub.unit_name)
    with desk.db.write() as conn:
        log_id = sync_state.log_start(conn, hub.id, "http", to_iso(desk.now()))
    for attempt in range(retries + 1):
        report.attempts = attempt + 1
        try:
            with HubLink(
                desk,
                own,
                hub,
                url or hub_url(hub),
                stall_timeout=stall_timeout,
                connect_timeout=connect_timeout,
                tls_ca=tls_ca or hub.tls_ca,
            ) as link:
                _run(desk, own, hub, link, report, limit)
            _finish(desk, hub, log_id, report, None)
            return report
        except SyncError as error:
            if not error.retryable or attempt == retries:
                _finish(desk, hub, log_id, report, error)
                error.report = report  # what moved before it stopped, for the caller to show
                raise
            sleep(backoff.delay(attempt))
    raise AssertionError("unreachable")


def _hub(desk: Desk, url: str | None, tls_ca: str | None) -> Peer:
    hub = sync_state.parent(desk.db)
    if hub is None:
        raise SetupError(
            "本机还没有登记到上级同步中心", "请先运行 haian-desk enrol request，把文件交给镇中心办理后再 enrol accept"
        )
    if url or tls_ca:
        with desk.db.write() as conn:
            sync_state.set_address(conn, hub.id, url, tls_ca)
        hub = sync_state.get_peer(desk.db, hub.id)
        assert hub is not None  # the row just updated
    if not hub.url:
        raise SetupError("还不知道同步中心的网址", "请用 --hub http://镇中心地址:8765 指明（会记住）")
    return hub


def hub_url(hub: Peer) -> str:
    """The address of a hub ``_hub`` returned (it refuses one without an address)."""
    assert hub.url
    return hub.url


def _finish(desk: Desk, hub: Peer, log_id: int, report: ExchangeReport, error: SyncError | None) -> None:
    now = to_iso(desk.now())
    with desk.db.write() as conn:
        if error is None:
            sync_state.note_attempt(conn, hub.id, now, True)
            sync_state.log_finish(conn, log_id, now, True, report.summary())
        else:
            sync_state.note_attempt(conn, hub.id, now, False, error.kind, str(error))
            sync_state.log_finish(conn, log_id, now, False, report.summary(), error.kind, str(error))


def _run(desk: Desk, own, hub: Peer, link: HubLink, report: ExchangeReport, limit: int) -> None:
    hello = _json(link.request("POST", "/v1/hello", _body({"software": "haian-desk", "clock": to_iso(desk.now())})))
    failpoints.hit("station.after_hello")
    _note_clock(desk, hub, hello, report)
    if numbering.catch_up(desk, link):  # a restored station learns its numbers before it sends
        report.warnings.append(Message("本站从备份恢复后，已从镇中心得知编号用到了哪里，可以继续办理"))
    held = _send_up(desk, own, hub, link, int(hello["you"]["held_up_to"]), report, limit)
    _fetch_down(desk, own, hub, link, report, limit)
    failpoints.hit("station.before_check")
    _check(desk, own, hub, link, report, held, limit)


def _send_up(desk: Desk, own, hub: Peer, link: HubLink, held: int, report: ExchangeReport, limit: int) -> int:
    with desk.db.write() as conn:
        sync_state.note_acked(conn, hub.id, held)
    while True:
        batch = outbox.up_batch(desk, hub, held, limit)
        if not batch.events:
            return held
        failpoints.hit("station.before_send")
        try:
            ack = _json(link.request("POST", "/v1/batches", seal(batch, own, hub.box_key), BATCH_TYPE))
        except SyncError as error:
            if error.kind == "too_large" and limit > 1:
                limit = max(1, limit // 2)  # the hub's size limit is lower than we guessed: smaller batches
                continue
            raise
        failpoints.hit("station.after_send")
        new_held = _take_ack(desk, hub, ack, report)
        if new_held <= held:
            raise SyncError("protocol", "同步中心没有确认收到刚发的一批", "请联系镇中心检查同步服务")
        held = new_held


def _take_ack(desk: Desk, hub: Peer, ack: dict, report: ExchangeReport) -> int:
    with desk.db.write() as conn:
        sync_state.note_acked(conn, hub.id, int(ack["held_up_to"]))
        sync_state.note_rejections(conn, hub.id, ack.get("rejected", []), to_iso(desk.now()))
    report.sent += int(ack.get("applied", 0))
    report.already += int(ack.get("already", 0))
    report.rejected += list(ack.get("rejected", []))
    report.sent_batches += 1
    return int(ack["held_up_to"])


def _fetch_down(desk: Desk, own, hub: Peer, link: HubLink, report: ExchangeReport, limit: int) -> None:
    with desk.db.read() as conn:
        cursor = sync_state.coverage(conn, hub.id)
    while True:
        response = link.request("GET", f"/v1/batches?after={cursor}&limit={limit}")
        failpoints.hit("station.after_fetch")
        receipt = inbox.receive(desk, own, response.content, "http", signer=hub)
        report.received += receipt.report.applied
        report.received_batches += 1 if receipt.batch.events else 0
        report.held += receipt.report.held
        report.conflicts += receipt.report.conflicts
        advanced = receipt.report.coverage > cursor
        cursor = receipt.report.coverage
        if not receipt.batch.header.get("more") or not advanced:
            return


def _check(desk: Desk, own, hub: Peer, link: HubLink, report: ExchangeReport, held: int, limit: int) -> None:
    result = _compare(desk, hub, link, held)
    repaired = False
    if result["down"] in _MISSING_HERE:
        # Something the hub has for us never arrived (e.g. the hub was restored from a
        # backup and reused positions we had passed): ask for everything again; what we
        # already hold is ignored on arrival.
        with desk.db.write() as conn:
            sync_state.reset_ranges(conn, hub.id)
        _fetch_down(desk, own, hub, link, report, limit)
        repaired = True
    for origin, state in result["up"].get("origins", {}).items():
        if state != "same":
            repaired |= _send_missing(desk, own, hub, link, origin, held, report)
    if not repaired:
        report.check = "same" if result["down"] == "same" and _all_same(result) else "differs"
        _warn_about(result, report)
        return
    again = _compare(desk, hub, link, held)
    ok = again["down"] not in _MISSING_HERE and all(
        state in ("same", "hub_has_more") for state in again["up"].get("origins", {}).values()
    )
    report.check = "repaired" if ok else "differs"
    _warn_about(again, report)


def _all_same(result: dict) -> bool:
    return all(state == "same" for state in result["up"].get("origins", {}).values())


def _send_missing(desk: Desk, own, hub: Peer, link: HubLink, origin: str, held: int, report: ExchangeReport) -> bool:
    """Send, by id, whatever of one origin the hub lacks although its range says it has it.

    This happens when this installation was restored from a backup: its new work
    reuses positions the hub already covers. Nothing is dropped: the records go up
    (and are held there for inspection if their numbers clash)."""
    with desk.db.read() as conn:
        ids = selection.ids_up_to(conn, origin, held)
    answer = _json(link.request("POST", "/v1/missing", _body({"origin": origin, "ids": ids})))
    wanted = list(answer.get("missing", []))
    if not wanted:
        return False
    with desk.db.read() as conn:
        events = selection.events_by_id(conn, wanted)
    batch = outbox.batch_of(desk, hub, [e.to_dict() for e in events], held)
    _take_ack(desk, hub, _json(link.request("POST", "/v1/batches", seal(batch, own, hub.box_key), BATCH_TYPE)), report)
    return True


_MISSING_HERE = ("hub_has_more", "differs")


def _warn_about(result: dict, report: ExchangeReport) -> None:
    if result["down"] == "hub_has_fewer":
        report.warnings.append(Message("本机有镇中心已经没有的上级记录（镇中心可能从备份恢复过），请联系镇中心核对"))
    if "hub_has_more" in result["up"].get("origins", {}).values():
        report.warnings.append(Message("镇中心保存的本站记录比本机还多（本机可能从备份恢复过），请联系镇中心核对"))


def _compare(desk: Desk, hub: Peer, link: HubLink, held: int) -> dict:
    own_id = desk.installation.id
    with desk.db.read() as conn:
        origins = {o: selection.sent_digest(conn, o, held) for o in selection.up_origins(conn, own_id)}
        down = {"up_to": sync_state.coverage(conn, hub.id), "digest": selection.received_digest(conn, own_id, hub.id)}
    return _json(link.request("POST", "/v1/check", _body({"up": {"origins": origins}, "down": down})))


def _note_clock(desk: Desk, hub: Peer, hello: dict, report: ExchangeReport) -> None:
    drift = int((desk.now() - from_iso(hello["time"])).total_seconds())
    report.clock_drift = drift
    with desk.db.write() as conn:
        sync_state.note_contact(conn, hub.id, to_iso(desk.now()), drift)
    warning = clock_warning(drift)
    if warning:
        report.warnings.append(warning)


def _body(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _json(response) -> dict:
    try:
        return response.json()
    except ValueError:
        raise SyncError("protocol", "同步中心的回答无法读取", "请把双方都升级到最新版") from None

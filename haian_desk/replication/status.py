"""What an installation can say about its sync: pending, last success, last error, and its stations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk.cases.vocabulary import TIMED_STATUSES
from haian_desk.core.errors import N_, Message
from haian_desk.core.messages import cli_tr, message_text, word
from haian_desk.core.timeutil import show, to_iso
from haian_desk.replication import selection, sync_state
from haian_desk.replication.receive import flagged_cases
from haian_desk.replication.sync_state import CHILD, Peer
from haian_desk.storage.reading import Rows, sqlite_rows

# Below this the two clocks agree well enough: records are ordered by their own clock anyway.
CLOCK_WARNING_SECONDS = 5 * 60

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass
class SyncStatus:
    enrolled: bool
    hub_name: str | None = None
    hub_url: str | None = None
    pending: int = 0
    last_success: str | None = None
    last_attempt: str | None = None
    last_error_kind: str | None = None
    last_error: str | None = None
    clock_drift: int | None = None
    rejected: list[dict] = field(default_factory=list)
    quarantined: list[dict] = field(default_factory=list)
    flagged_cases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        """What ``haian-desk sync status`` prints, in the reader's language."""
        if not self.enrolled:
            lines = [cli_tr("本机还没有登记到上级同步中心（先 haian-desk enrol request，再 enrol accept）")]
        else:
            lines = [
                cli_tr(
                    "上级同步中心：{hub}（{url}）",
                    hub=self.hub_name,
                    url=self.hub_url or cli_tr("未设网址，可用U盘同步"),
                )
            ]
        lines.append(delivery_line(self.pending, self.rejected, self.quarantined))
        lines += [f"  {line}" for line in refusal_lines(self.rejected, self.quarantined)]
        lines.append(cli_tr("上次成功：{when}", when=show(self.last_success) or cli_tr("还没有成功过")))
        if self.last_error:
            lines.append(cli_tr("上次出错（{when}）：{error}", when=show(self.last_attempt), error=self.last_error))
        warning = clock_warning(self.clock_drift)
        if warning:
            lines.append(cli_tr("时钟：{warning}", warning=message_text(warning)))
        for item in self.rejected:
            lines.append(
                cli_tr(
                    "被上级拒收的记录 {event}：{reason}（不会再重发，请核对后处理）",
                    event=item["event_id"],
                    reason=item["reason"],
                )
            )
        for item in self.quarantined:
            lines.append(
                cli_tr("收到但暂存待核查的记录 {event}：{reason}", event=item["event_id"], reason=item["reason"])
            )
        if self.flagged_cases:
            lines.append(cli_tr("有冲突待核对的办件：{cases}", cases=self.flagged_cases))
        return lines


# What the person should do about each kind of record the two sides did not agree on.
_WHAT_TO_DO = {
    "sequence_clash": N_(
        "本站可能从备份恢复过、编号与已上报的记录重复：请联系镇中心核对，镇中心处理后在“同步”页面重发这些记录"
    ),
    "same_id_different_content": N_("同一记录两边内容不同：请联系镇中心核对"),
    "unknown_stream": N_("双方软件版本不一致：请把本站和镇中心都升级到最新版后重发"),
}
_DEFAULT_TO_DO = N_("请联系镇中心核对原因，处理后在“同步”页面重发")


def delivery_line(pending: int, rejected: list[dict], quarantined: list[dict]) -> str:
    """The one line that says whether everything reached the township.

    "全部已上报" only when nothing waits AND nothing was refused or held back:
    a record the hub refused (or that it holds for inspection, such as a
    sequence clash after a restore) did not reach the township's records.
    """
    stuck = len(rejected) + len(quarantined)
    if pending == 0 and stuck == 0:
        return cli_tr("待上报：全部已上报")
    waiting = cli_tr("没有待发送的记录") if pending == 0 else cli_tr("{count} 条记录待发送", count=pending)
    if not stuck:
        return cli_tr("待上报：{waiting}", waiting=waiting)
    return cli_tr(
        "待上报：{waiting}；另有 {stuck} 条记录未被接收（被镇中心拒收或留存待核查），不算已上报",
        waiting=waiting,
        stuck=stuck,
    )


def refusal_lines(rejected: list[dict], quarantined: list[dict]) -> list[str]:
    """How many, why, and what to do, one line per reason."""
    groups: dict[tuple[str, str], int] = {}
    for item in [*rejected, *quarantined]:
        problem = item.get("problem") or _problem_of(item.get("reason", ""))
        key = (problem, item.get("reason", ""))
        groups[key] = groups.get(key, 0) + 1
    return [
        cli_tr(
            "{count} 条：{reason}。处理：{action}",
            count=count,
            reason=word(reason),  # the hub's own words, in the reader's language where it has them
            action=word(_WHAT_TO_DO.get(problem, _DEFAULT_TO_DO)),
        )
        for (problem, reason), count in sorted(groups.items())
    ]


def _problem_of(reason: str) -> str:
    # Refusals reported back by the hub keep only their words (sync_rejections has no kind column).
    return "sequence_clash" if "备份恢复" in reason else ""


def sync_status(desk: Desk) -> SyncStatus:
    hub = sync_state.parent(desk.db)
    rejected = [dict(r) for r in sync_state.rejections(desk.db)]
    quarantined = [
        {k: r[k] for k in ("event_id", "peer", "problem", "reason", "received_at")}
        for r in sync_state.quarantined(desk.db)
    ]
    flagged = [r["case_no"] for r in flagged_cases(desk.db)]
    if hub is None:
        with desk.db.read() as conn:
            pending = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return SyncStatus(False, pending=pending, rejected=rejected, quarantined=quarantined, flagged_cases=flagged)
    with desk.db.read() as conn:
        pending = selection.pending_up(conn, hub.id, hub.acked)
    return SyncStatus(
        True,
        hub.unit_name,
        hub.url,
        pending,
        hub.last_success,
        hub.last_attempt,
        hub.last_error_kind,
        hub.last_error,
        hub.clock_drift,
        rejected,
        quarantined,
        flagged,
    )


def stations(desk: Desk, now: datetime | None = None) -> list[dict]:
    """Every installation enrolled below this hub, with what the township needs to watch."""
    peers = sync_state.list_peers(desk.db, CHILD)
    with sqlite_rows(desk.db) as rows:
        return stations_from(rows, peers, to_iso(now or desk.now()))


def stations_from(rows: Rows, peers: list[Peer], moment: str) -> list[dict]:
    """``stations`` from either hub's database (``rows``: haian_desk.storage.reading), so a
    county on PostgreSQL lists its townships with the same figures. Two grouped reads for all
    the peers, not two per peer: a province hub lists 20,000."""
    overdue = {str(code): int(n) for code, n in rows(_OVERDUE_BY_UNIT, {"now": moment})}
    held = {str(peer): int(n) for peer, n in rows(_HELD_BY_PEER, {})}
    by_township: dict[str, int] = {}
    for code, n in overdue.items():  # a township's row counts its stations' matters too
        by_township[code[:9]] = by_township.get(code[:9], 0) + n
    return [
        {
            "id": peer.id,
            "unit_code": peer.unit_code,
            "unit_name": peer.unit_name,
            "role": peer.role,
            "status": peer.status,
            "enrolled_at": peer.enrolled_at,
            "revoked_at": peer.revoked_at,
            "last_contact": peer.last_contact,
            "events_received": peer.events_received,
            "clock_drift_seconds": peer.clock_drift,
            "overdue": (by_township if len(peer.unit_code) == 9 else overdue).get(peer.unit_code, 0),
            "quarantined": held.get(peer.id, 0),
        }
        for peer in peers
    ]


_OVERDUE_BY_UNIT = (
    f"SELECT unit_code, count(*) FROM cases WHERE status IN ({', '.join(repr(s) for s in TIMED_STATUSES)}) "
    "AND deadline IS NOT NULL AND deadline < {now} GROUP BY unit_code"
)
_HELD_BY_PEER = "SELECT peer, count(*) FROM sync_quarantine WHERE resolved_at IS NULL GROUP BY peer"


def clock_warning(drift: int | None) -> Message | None:
    """What the clerk should do about a clock that differs from the hub's (None when close enough)."""
    if drift is None or abs(drift) < CLOCK_WARNING_SECONDS:
        return None
    duration = {"duration": _duration(abs(drift))}
    if drift > 0:
        return Message(
            "本机时钟比镇中心快了约{duration}，请把电脑的日期和时间校正过来（办件的先后顺序不受影响，但打印的时间会不准）",
            duration,
        )
    return Message(
        "本机时钟比镇中心慢了约{duration}，请把电脑的日期和时间校正过来（办件的先后顺序不受影响，但打印的时间会不准）",
        duration,
    )


def _duration(seconds: int) -> Message:
    if seconds >= 86400:
        days = round(seconds / 86400, 1)
        return Message("{days}天", {"days": int(days) if days.is_integer() else days})
    if seconds >= 3600:
        return Message("{hours}小时", {"hours": seconds // 3600})
    return Message("{minutes}分钟", {"minutes": seconds // 60})

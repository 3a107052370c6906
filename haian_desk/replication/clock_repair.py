"""Recovering an installation whose log holds records stamped far in the future (clock poisoning).

Before the clock window (``hlc.WINDOW_DAYS``) was enforced on arrival, one
record stamped, say, in the year 5000 could enter a log. It sorts after
everything made since and, had the clock followed it, would drag every later
record there too. The clock no longer follows such a stamp, so what is left
is the record itself: ``repair`` sets every record beyond the window aside
(the log stays append-only; folds skip set-aside ids, see
``eventlog.stream_events``), keeps a copy in quarantine with the reason for
staff to look at, folds the touched matters again and restarts the clock
from the log. All in one transaction. ``haian-desk sync clock [--repair]``
runs it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.core import hlc
from haian_desk.core.hlc import HybridClock
from haian_desk.core.messages import cli_tr
from haian_desk.core.timeutil import to_iso
from haian_desk.events.ledger import latest_plausible_hlc, refold
from haian_desk.replication import sync_state
from haian_desk.storage.eventlog import COLUMNS, Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

REASON = f"时间戳比本机时钟快了 {hlc.WINDOW_DAYS} 天以上（时钟被拨乱或数据被篡改），已搁置，留存待核查"


@dataclass
class ClockReport:
    ceiling: str
    clock: str
    poisoned: list[dict] = field(default_factory=list)
    repaired: bool = False

    def lines(self) -> list[str]:
        if not self.poisoned:
            return [
                cli_tr(
                    "时钟正常：没有时间戳超过 {days} 天窗口的记录（本机时钟 {clock}）",
                    days=hlc.WINDOW_DAYS,
                    clock=self.clock,
                )
            ]
        if self.repaired:
            head = cli_tr("已搁置（不再计入办件）并留存待核查 {count} 条时间戳过远的记录：", count=len(self.poisoned))
        else:
            head = cli_tr("发现 {count} 条时间戳过远的记录：", count=len(self.poisoned))
        lines = [head]
        lines += [
            cli_tr(
                "  {event}（{stream} {type}，来源 {origin}…，时间戳 {hlc}）",
                event=p["id"],
                stream=p["stream"],
                type=p["type"],
                origin=p["origin"][:8],
                hlc=p["hlc"],
            )
            for p in self.poisoned
        ]
        if not self.repaired:
            lines.append(cli_tr("  用 haian-desk sync clock --repair 搁置这些记录（记录保留，可核查）"))
        return lines


def examine(desk: Desk) -> ClockReport:
    now_ms = _now_ms(desk)
    with desk.db.read() as conn:
        events = _beyond(conn, hlc.ceiling(now_ms))
    return ClockReport(hlc.ceiling(now_ms), desk.ledger.clock.last, [_summary(e) for e in events])


def repair(desk: Desk) -> ClockReport:
    """Take every record beyond the window out of the log, into quarantine; refold; restart the clock."""
    now = desk.now()
    ceiling = hlc.ceiling(_now_ms(desk))
    with desk.db.write() as conn:
        events = _beyond(conn, ceiling)
        for event in events:
            _hold(conn, event, to_iso(now))
            conn.execute(
                "INSERT OR IGNORE INTO events_set_aside (event_id, reason, set_aside_at) VALUES (?, ?, ?)",
                (event.id, REASON, to_iso(now)),
            )
        for stream, stream_id in sorted({(e.stream, e.stream_id) for e in events}):
            refold(conn, stream, stream_id)
        desk.ledger.clock = HybridClock(latest_plausible_hlc(conn, now))
    return ClockReport(ceiling, desk.ledger.clock.last, [_summary(e) for e in events], repaired=True)


def _beyond(conn, ceiling: str) -> list[Event]:
    rows = conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM events WHERE hlc > ? "
        "AND id NOT IN (SELECT event_id FROM events_set_aside) ORDER BY seq",
        (ceiling,),
    )
    return [Event.from_row(row) for row in rows]


def _hold(conn, event: Event, at: str) -> None:
    via = sync_state.via_of(conn, {event.origin}).get(event.origin, event.origin)
    sync_state.quarantine(
        conn,
        event_id=event.id,
        origin=event.origin,
        peer=via,
        batch_id="clock-repair",
        problem="clock_ahead",
        reason=REASON,
        body=json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True),
        at=at,
    )


def _summary(event: Event) -> dict:
    return {"id": event.id, "stream": event.stream, "type": event.type, "origin": event.origin, "hlc": event.hlc}


def _now_ms(desk: Desk) -> int:
    return int(desk.now().timestamp() * 1000)

"""Applying a batch of events received from a neighbour: all of it, once, or none of it.

Every record is screened first. A record that cannot be taken as it is (bad
shape, an unknown kind, a registration the rules refuse, an installation that
may not speak for that origin, an id already used by a different record) is
held in quarantine with a reason a person can read; the rest go through
``Ledger.ingest`` (insert-or-ignore by id, refold of every touched stream).
The batch, its range of the sender's log and the bookkeeping are written in
the same transaction, so a crash leaves either the whole batch or nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from haian_desk.calendar import operations as working_calendar
from haian_desk.cases import shipped_catalogue
from haian_desk.core import hlc
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import from_iso
from haian_desk.events.projection import projectors
from haian_desk.replication import sync_state
from haian_desk.replication.sync_state import CHILD, Peer
from haian_desk.storage.eventlog import COLUMNS, Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

CREATION_TYPES = ("registered", "created")
_HLC = re.compile(r"^\d{14}\.\d{5}$")
_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_COLUMN_SET = frozenset(COLUMNS)
_TEXT_FIELDS = ("id", "stream", "stream_id", "type", "hlc", "origin", "actor", "wall_time")
MAX_ORIGIN_SEQ = 2**63 - 1  # SQLite's largest integer
MAX_REJECTED_PER_BATCH = 200  # refused records one batch may leave in quarantine
MAX_QUARANTINE_PER_PEER = 2_000  # open quarantined records one neighbour may leave here


class BatchTooBad(HaianError):
    """A batch refused as a whole because of how much of it is refused: nothing of it is kept."""


@dataclass(frozen=True)
class Rejection:
    event_id: str
    problem: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.event_id, "problem": self.problem, "reason": self.reason}


@dataclass
class ApplyReport:
    batch_id: str
    applied: int = 0
    already: int = 0
    held: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    coverage: int = 0
    received_before: str | None = None  # when this same batch first arrived, if it did

    @property
    def duplicate(self) -> bool:
        return self.received_before is not None


class Refused(Exception):
    """A record that cannot be applied; ``problem`` is a stable code, the message is for people."""

    def __init__(self, problem: str, reason: str):
        super().__init__(reason)
        self.problem = problem
        self.reason = reason


@dataclass(frozen=True)
class Arrival:
    """A batch as it arrived, whichever hub or installation receives it: who sent it, its id, by
    what (``http`` / ``file``), which range (lo, hi] of the sender's log it covers, its records
    (event dicts), when, and which way it travels (``up`` from a child, ``down`` from the parent)."""

    sender: Peer
    batch_id: str
    transport: str
    lo: int
    hi: int
    records: list[Any]
    at: str
    direction: str = "up"


def apply_batch(desk: Desk, arrival: Arrival, before_commit: Callable[[], None] | None = None) -> ApplyReport:
    """Apply the records ``arrival.sender`` sent, covering its log range (lo, hi]."""
    sender, batch_id, records, at = arrival.sender, arrival.batch_id, arrival.records, arrival.at
    lo, hi = arrival.lo, arrival.hi
    report = ApplyReport(batch_id)
    with desk.db.write() as conn:
        earlier = sync_state.claim_batch(conn, batch_id, sender.id, arrival.direction, arrival.transport, lo, hi, at)
        if earlier is not None:
            report.received_before = earlier["received_at"]
            report.already = len(records)
            report.coverage = sync_state.coverage(conn, sender.id)
            return report
        good = _screen_all(conn, desk.installation.id, sender, records, report, batch_id, at)
        check_caps(sender, len(report.rejected), sync_state.open_quarantine(conn, sender.id))
        conflicts_before = conflict_counts(conn, good)
        desk.ledger.ingest(good, all_new=True)  # screened above: none stored, no id or sequence twice
        shipped_catalogue.settle(conn, good)  # an old-style seeded catalogue from a not yet upgraded level
        # A year's working calendar from above recounts the open deadlines it concerns, in this transaction.
        working_calendar.after_receiving(desk, conn, good, from_below=sender.relation == CHILD)
        sync_state.resolve_quarantine(conn, [e.id for e in good], at)  # a record resent once its cause was fixed
        sync_state.note_origins(conn, {e.origin for e in good}, sender.id)
        report.applied = len(good)
        report.held = held_count(conn, good)
        report.conflicts = sorted(
            case_id for case_id, n in conflict_counts(conn, good).items() if n > conflicts_before.get(case_id, 0)
        )
        report.coverage = sync_state.add_range(conn, sender.id, lo, hi)
        sync_state.finish_batch(conn, batch_id, report.applied, report.already, len(report.rejected), report.held)
        if before_commit:
            before_commit()
    return report


def _screen_all(
    conn, own_id: str, sender: Peer, records: list[Any], report: ApplyReport, batch_id: str, at: str
) -> list[Event]:
    def hold(record: Any, refused: Refused) -> None:
        _hold(conn, record, sender, batch_id, refused, at)

    return screen(own_id, sender, records, report, at, known(conn, records, sync_state.via_of), hold)


@dataclass
class Known:
    """What the receiving database already holds about a batch's records, read in bulk before screening."""

    via: dict[str, str]  # origin -> the neighbour its records arrive through
    stored: dict  # "by_id": {id: row}, "by_seq": {(origin, origin_seq)}
    units: dict[tuple[str, str], str]  # (stream, id) -> owning unit, for SCOPED_STREAMS


def known(conn, records: list[Any], via_of: Callable, mark: str = "?") -> Known:
    """The facts screening needs, from either database (``mark``: the driver's parameter mark)."""
    dicts = [r for r in records if isinstance(r, dict)]
    via = via_of(conn, {o for r in dicts if isinstance(o := r.get("origin"), str)}, mark)
    return Known(via, _stored(conn, dicts, mark), _case_units(conn, dicts, mark))


def screen(
    own_id: str,
    sender: Peer,
    records: list[Any],
    report: ApplyReport,
    at: str,
    facts: Known,
    hold: Callable[[Any, Refused], None],
) -> list[Event]:
    """Every rule a record from ``sender`` must pass, written once for both hubs' databases: the
    records to store; each refused one is counted in ``report`` and (up to the cap) handed to ``hold``."""
    good: list[Event] = []
    seen: dict[str, Event] = {}  # the wire form is encoded only when an id comes twice
    via, stored, units = facts.via, facts.stored, facts.units
    top = hlc.ceiling(int(from_iso(at).timestamp() * 1000))  # the latest plausible stamp, for the whole batch
    for record in records:
        try:
            event = parse(record)
            if event.id in seen:
                if seen[event.id].to_row() != event.to_row():
                    raise Refused("same_id_different_content", _DIFFERENT)
                report.already += 1
                continue
            check_sender(event, own_id, sender, via)
            check_creation(event, sender)
            check_case_scope(event, sender, units)
            check_clock(event, top)
            if _already_here(event, stored):
                report.already += 1
                continue
            if (event.origin, event.origin_seq) in stored["by_seq"]:  # taken earlier in this same batch
                raise Refused("sequence_clash", _SEQ_CLASH)
            stored["by_seq"].add((event.origin, event.origin_seq))
            seen[event.id] = event
            good.append(event)
        except Refused as refused:
            if len(report.rejected) < MAX_REJECTED_PER_BATCH:
                hold(record, refused)
            report.rejected.append(Rejection(record_id(record), refused.problem, refused.reason))
    return good


def check_caps(sender: Peer, refused: int, open_now: int) -> None:
    """One neighbour cannot fill the quarantine: past the caps the whole batch is refused, nothing kept."""
    if refused > MAX_REJECTED_PER_BATCH:
        raise BatchTooBad(
            "这一批有 {refused} 条记录不能接收，超过了每批 {MAX_REJECTED_PER_BATCH} 条的上限，整批未导入",
            "发出方的数据可能已损坏或被篡改；请联系镇中心核查该站的电脑",
            params={"refused": refused, "MAX_REJECTED_PER_BATCH": MAX_REJECTED_PER_BATCH},
        )
    if refused and open_now > MAX_QUARANTINE_PER_PEER:
        raise BatchTooBad(
            "“{unit_name}”暂存待核查的记录已有 {open_now} 条，超过上限 {MAX_QUARANTINE_PER_PEER} 条，这一批未导入",
            "请工作人员先核查并处理暂存的记录，再同步",
            params={
                "unit_name": sender.unit_name,
                "open_now": open_now,
                "MAX_QUARANTINE_PER_PEER": MAX_QUARANTINE_PER_PEER,
            },
        )


def parse(record: Any) -> Event:
    """An event from its wire form, or Refused saying what is wrong with it."""
    if not isinstance(record, dict) or record.keys() != _COLUMN_SET:
        raise Refused("bad_shape", "记录格式不正确（字段不全或有多余字段），无法读取")
    bad = [name for name in _TEXT_FIELDS if not isinstance(record[name], str) or not record[name]]
    if bad or not isinstance(record["payload"], dict):
        raise Refused("bad_shape", f"记录格式不正确：{'、'.join(bad) or 'payload'} 缺失或类型不对")
    seq = record["origin_seq"]
    if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_ORIGIN_SEQ:
        raise Refused("bad_shape", "记录格式不正确：来源序号应为正整数")
    if not _ID.match(record["id"]) or not _HLC.match(record["hlc"]):
        raise Refused("bad_shape", "记录格式不正确：编号或时间戳的格式不对")
    if record["stream"] not in projectors():
        raise Refused("unknown_stream", f"不认识的记录类别“{record['stream']}”（可能是更新版本的软件发来的）")
    return Event(**record)  # its keys are exactly the columns (checked above)


def check_sender(event: Event, own_id: str, sender: Peer, via: dict[str, str]) -> None:
    """May this neighbour pass on this origin's records? Each origin has one road up the tree."""
    refusal = route_refusal(own_id, sender, event.origin, via.get(event.origin))
    if refusal is not None:
        raise refusal


def route_refusal(own_id: str, sender: Peer, origin: str, via: str | None) -> Refused | None:
    """The one rule for whose records a neighbour may speak for (sending them, or asking about them).

    Never our own; never an origin that reaches us through another neighbour; a
    station only for itself. A hub below us (a township under the county) speaks
    for its stations, whose origins it introduces."""
    if origin == own_id:
        return Refused("own_record", "这是本机自己的记录，不应由别处发回来")
    if via is not None and via != sender.id:
        return Refused("wrong_route", "这条记录的来源站点经由另一条线路同步，不能由此处转来")
    if sender.relation == CHILD and sender.role == "station" and origin != sender.id:
        return Refused("wrong_origin", "代理站只能发送本站自己的记录，这条记录却标着别的来源")
    return None


def check_clock(event: Event, top: str) -> None:
    """A stamp far ahead of our own clock (past ``top``, ``hlc.ceiling`` of now) would drag every
    later record after it (clock poisoning)."""
    if not hlc.below(event.hlc, top):
        raise Refused(
            "clock_ahead",
            f"记录的时间戳比本机时钟快了 {hlc.WINDOW_DAYS} 天以上，可能是对方电脑时钟错误或数据被篡改：已留存待核查",
        )


def check_creation(event: Event, sender: Peer) -> None:
    """A creating record must stand on its own: the rules are checked here, not left to fail silently."""
    if event.type not in CREATION_TYPES:
        return
    try:
        projectors()[event.stream].apply(None, event)
    except HaianError as error:
        raise Refused("invalid_record", f"记录内容不符合规则：{error}") from None
    unit = str(event.payload.get("unit_code") or "")
    if event.stream == "case" and sender.relation == CHILD and not unit.startswith(sender.unit_code):
        raise Refused("wrong_unit", f"办件登记的受理单位（{unit}）不属于发送方（{sender.unit_name}）")


SCOPED_STREAMS = {"case": ("cases", "id"), "cadre": ("cadres", "id")}  # streams owned by one unit


def check_case_scope(event: Event, sender: Peer, units: dict[tuple[str, str], str]) -> None:
    """From below, a matter's (or a cadre's) records come only from the side of the tree that owns it.

    A case belongs to the unit that took it in, a cadre to the unit the cadre
    serves. The hubs above act on a station's cases (take-up, forwarding,
    replies) and publish their own cadres: that travels down and is not
    screened here. Records on a case whose registration has not arrived yet
    cannot be placed and are let through (held until it does)."""
    if event.stream not in SCOPED_STREAMS or sender.relation != CHILD:
        return
    unit = units.get((event.stream, event.stream_id))
    if unit is not None and not unit.startswith(sender.unit_code):
        what = "办件是另一单位" if event.stream == "case" else "代理员属于另一单位"
        raise Refused(
            "not_your_case", f"这件{what}（{unit}）受理或管理的，{sender.unit_name}不能对它办理：已留存待核查"
        )


_DIFFERENT = "同一编号的记录内容不同：不自动合并，已留存待核查"
_SEQ_CLASH = "该站的这个记录序号已被另一条记录占用（该站可能从备份恢复过）：已留存待核查"


def _stored(conn, records: list[dict], mark: str = "?") -> dict:
    """What the log already holds under the batch's ids and (origin, sequence) pairs, fetched in bulk."""
    ids = sorted({r["id"] for r in records if isinstance(r.get("id"), str)})
    by_id: dict[str, tuple] = {}
    by_seq: set[tuple[str, int]] = set()
    for chunk in _chunks(ids, 500):
        marks = ", ".join([mark] * len(chunk))
        for row in conn.execute(f"SELECT {', '.join(COLUMNS)} FROM events WHERE id IN ({marks})", chunk):
            by_id[row["id"]] = Event.from_row(row).to_row()
    for origin in sorted({r["origin"] for r in records if isinstance(r.get("origin"), str)}):
        given = [r.get("origin_seq") for r in records if r.get("origin") == origin]
        seqs = [q for q in given if isinstance(q, int) and not isinstance(q, bool) and 1 <= q <= MAX_ORIGIN_SEQ]
        if seqs:
            rows = conn.execute(
                f"SELECT origin_seq FROM events WHERE origin = {mark} AND origin_seq BETWEEN {mark} AND {mark}",
                (origin, min(seqs), max(seqs)),
            )
            by_seq.update((origin, row[0]) for row in rows)
    return {"by_id": by_id, "by_seq": by_seq}


def _case_units(conn, records: list[dict], mark: str = "?") -> dict[tuple[str, str], str]:
    """The unit owning each case (or cadre) the batch touches: from its table, or from the batch's creation."""
    units: dict[tuple[str, str], str] = {}
    for stream, (table, key) in SCOPED_STREAMS.items():
        ids = sorted(
            {r["stream_id"] for r in records if r.get("stream") == stream and isinstance(r.get("stream_id"), str)}
        )
        for chunk in _chunks(ids, 500):
            marks = ", ".join([mark] * len(chunk))
            units.update(
                ((stream, row[0]), row[1])
                for row in conn.execute(f"SELECT {key}, unit_code FROM {table} WHERE {key} IN ({marks})", chunk)
            )
    for r in records:
        payload, kind, stream_id = r.get("payload"), r.get("stream"), r.get("stream_id")
        if (
            kind in SCOPED_STREAMS
            and r.get("type") in CREATION_TYPES
            and isinstance(payload, dict)
            and isinstance(stream_id, str)
            and (kind, stream_id) not in units
        ):
            units[(str(kind), stream_id)] = str(payload.get("unit_code") or "")
    return units


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _already_here(event: Event, stored: dict) -> bool:
    known = stored["by_id"].get(event.id)
    if known is not None:
        if known != event.to_row():
            raise Refused("same_id_different_content", _DIFFERENT)
        return True
    if (event.origin, event.origin_seq) in stored["by_seq"]:
        raise Refused("sequence_clash", _SEQ_CLASH)
    return False


def _hold(conn, record: Any, sender: Peer, batch_id: str, refused: Refused, at: str) -> None:
    origin = record.get("origin") if isinstance(record, dict) else None
    sync_state.quarantine(
        conn,
        event_id=record_id(record),
        origin=origin if isinstance(origin, str) else None,
        peer=sender.id,
        batch_id=batch_id,
        problem=refused.problem,
        reason=refused.reason,
        body=record_body(record),
        at=at,
    )


def record_body(record: Any) -> str:
    try:
        return json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)[: 64 * 1024]
    except (RecursionError, ValueError):
        return "（无法保存：嵌套过深）"


def record_id(record: Any) -> str:
    value = record.get("id") if isinstance(record, dict) else None
    return value if isinstance(value, str) and value else "?"


def held_count(conn, events: list[Event], mark: str = "?") -> int:
    """Records stored but not yet visible: their stream's creating record has not arrived."""
    wanted: dict[str, set[str]] = {}
    for event in events:
        wanted.setdefault(event.stream, set()).add(event.stream_id)
    present: set[tuple[str, str]] = set()
    for stream, ids in wanted.items():
        projector = projectors()[stream]
        for chunk in _chunks(sorted(ids), 500):
            marks = ", ".join([mark] * len(chunk))
            sql = f"SELECT {projector.key} FROM {projector.table} WHERE {projector.key} IN ({marks})"
            rows = conn.execute(sql, chunk)
            present.update((stream, row[0]) for row in rows)
    return sum((event.stream, event.stream_id) not in present for event in events)


def conflict_counts(conn, events: list[Event], mark: str = "?") -> dict[str, int]:
    case_ids = sorted({e.stream_id for e in events if e.stream == "case"})
    counts = {}
    for chunk in _chunks(case_ids, 500):
        marks = ", ".join([mark] * len(chunk))
        for row in conn.execute(f"SELECT id, conflicts FROM cases WHERE id IN ({marks})", chunk):
            counts[row["id"]] = row["conflicts"]
    return counts


def flagged_cases(db) -> list[sqlite3.Row]:
    """Cases where two installations acted from the same state and the rules could keep only one."""
    return db.query("SELECT id, case_no, unit_code, status, conflicts FROM cases WHERE conflicts > 0 ORDER BY case_no")

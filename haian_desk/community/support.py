"""Paired support (结对帮扶): vulnerable households, each with a named cadre and a visit log.

Who is vulnerable comes from the villagers' tags (``villagers.TAGS``); how
often a household must be visited is data (``VISIT_INTERVAL_DAYS``), the
shortest schedule among its tags. A pairing is a 'pairing' stream (paired,
reassigned, ended); each visit is its own 'visit' record, and a visit can
take in a matter on the spot, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from haian_desk.cases.operations import Intake, Registered, take_in
from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import from_iso, to_iso
from haian_desk.events.columns import decoded_value
from haian_desk.events.records import required_text
from haian_desk.people import villagers
from haian_desk.storage.eventlog import Event
from haian_desk.storage.reading import Rows, sqlite_rows

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# How many days may pass between visits, per household tag (tags: villagers.TAGS).
VISIT_INTERVAL_DAYS = {
    "empty_nest": 30,  # 空巢老人: monthly
    "widowed": 30,  # 孤寡老人: monthly
    "left_behind_child": 30,  # 留守儿童: monthly
    "tekun": 30,  # 特困供养: monthly
    "disabled": 90,  # 残疾人: quarterly
    "dibao": 90,  # 低保户: quarterly
}
DEFAULT_INTERVAL_DAYS = 90  # a paired household whose tags were since removed
LONGEST_INTERVAL_DAYS = max(DEFAULT_INTERVAL_DAYS, *VISIT_INTERVAL_DAYS.values())
VISIT_METHODS = {"home": "上门走访", "phone": "电话问候", "elsewhere": "约见走访"}

PAIRING_JSON_COLUMNS: tuple[str, ...] = ()
VISIT_JSON_COLUMNS: tuple[str, ...] = ()


def interval_days(tags: list[str]) -> int:
    days = [VISIT_INTERVAL_DAYS[t] for t in tags if t in VISIT_INTERVAL_DAYS]
    return min(days) if days else DEFAULT_INTERVAL_DAYS


# --- projections -------------------------------------------------------------------------


def apply_pairing(state: dict | None, event: Event) -> dict:
    p = event.payload
    if event.type == "paired":
        if state is not None:
            raise RuleRefused("这户已经结对")
        return {
            "id": event.stream_id,
            "villager_id": required_text(p, "villager_id", "帮扶对象"),
            "cadre_id": required_text(p, "cadre_id", "结对代理员"),
            "unit_code": required_text(p, "unit_code", "所在单位"),
            "paired_at": event.wall_time,
            "ended_at": None,
            "end_reason": None,
            "note": p.get("note") or None,
            "active": 1,
            "created_at": event.wall_time,
        }
    if state is None:
        raise RuleRefused("这户还没有结对", "请先结对")
    if not state["active"]:
        raise RuleRefused("这户的结对已经结束", "如需继续帮扶，请重新结对")
    new = dict(state)
    if event.type == "reassigned":
        new["cadre_id"] = required_text(p, "cadre_id", "新的结对代理员")
    elif event.type == "ended":
        new.update(active=0, ended_at=event.wall_time, end_reason=required_text(p, "reason", "结束结对的原因"))
    else:
        raise ValidationError("未知的结对事件：{type}", params={"type": event.type})
    return new


def apply_visit(state: dict | None, event: Event) -> dict:
    if event.type != "visited":
        raise ValidationError("未知的走访事件：{type}", params={"type": event.type})
    if state is not None:
        raise RuleRefused("这次走访已经登记过")
    p = event.payload
    method = p.get("method")
    if method not in VISIT_METHODS:
        raise ValidationError("请选择走访方式：" + "、".join(VISIT_METHODS.values()), field="method")
    visited_at = to_iso(from_iso(required_text(p, "visited_at", "走访时间")))
    if visited_at > event.wall_time:
        raise ValidationError("走访时间不能晚于现在", "请核对走访日期", field="visited_at")
    return {
        "id": event.stream_id,
        "pairing_id": required_text(p, "pairing_id", "结对户"),
        "villager_id": required_text(p, "villager_id", "帮扶对象"),
        "cadre_id": required_text(p, "cadre_id", "走访代理员"),
        "unit_code": required_text(p, "unit_code", "所在单位"),
        "visited_at": visited_at,
        "method": method,
        "note": required_text(p, "note", "走访情况"),
        "needs": p.get("needs") or None,
        "case_id": p.get("case_id") or None,
        "created_at": event.wall_time,
    }


# --- operations --------------------------------------------------------------------------


def pair(desk: Desk, actor: str, villager_id: str, cadre_id: str, note: str = "") -> str:
    """Pair a vulnerable household with a cadre; one active pairing per household."""
    with desk.db.write() as conn:
        person = villagers.get_row(conn, villager_id)
        if not household_tags(person):
            raise RuleRefused(
                "“{name}”没有困难户标签，不需要结对",
                "如属空巢老人、留守儿童等，请先在群众名册中加上标签",
                params={"name": person["name"]},
            )
        _require_active_cadre(conn, cadre_id)
        if conn.execute("SELECT 1 FROM pairings WHERE villager_id = ? AND active = 1", (villager_id,)).fetchone():
            raise RuleRefused(
                "“{name}”已经有结对代理员", "如要换人，请用“更换结对代理员”", params={"name": person["name"]}
            )
        pairing_id = uuid7()
        desk.ledger.record(
            conn,
            "pairing",
            pairing_id,
            "paired",
            {
                "villager_id": villager_id,
                "cadre_id": cadre_id,
                "note": note.strip(),
                "unit_code": desk.installation.unit_code,
            },
            actor,
        )
    return pairing_id


def reassign(desk: Desk, actor: str, pairing_id: str, cadre_id: str) -> None:
    with desk.db.write() as conn:
        _require_pairing(conn, pairing_id)
        _require_active_cadre(conn, cadre_id)
        desk.ledger.record(conn, "pairing", pairing_id, "reassigned", {"cadre_id": cadre_id}, actor)


def end_pairing(desk: Desk, actor: str, pairing_id: str, reason: str) -> None:
    with desk.db.write() as conn:
        _require_pairing(conn, pairing_id)
        desk.ledger.record(conn, "pairing", pairing_id, "ended", {"reason": reason}, actor)


@dataclass
class VisitInput:
    pairing_id: str
    note: str
    method: str = "home"
    visited_at: str | None = None  # when it happened (default: now)
    needs: str = ""
    matter: Intake | None = None  # a matter taken in on the spot


@dataclass(frozen=True)
class Visit:
    visit_id: str
    case: Registered | None


def record_visit(desk: Desk, actor: str, visit: VisitInput) -> Visit:
    """Log a visit; a matter raised during it is taken in in the same transaction."""
    with desk.db.write() as conn:
        pairing = _require_pairing(conn, visit.pairing_id)
        if not pairing["active"]:
            raise RuleRefused("这户的结对已经结束，不能再登记走访")
        case = None
        if visit.matter is not None:
            visit.matter.villager_id = pairing["villager_id"]
            visit.matter.channel = "home_visit"
            visit.matter.first_cadre_id = visit.matter.first_cadre_id or pairing["cadre_id"]
            case = take_in(desk, actor, visit.matter)
        visit_id = uuid7()
        desk.ledger.record(
            conn,
            "visit",
            visit_id,
            "visited",
            {
                "pairing_id": pairing["id"],
                "villager_id": pairing["villager_id"],
                "cadre_id": pairing["cadre_id"],
                "unit_code": pairing["unit_code"],
                "visited_at": visit.visited_at or to_iso(desk.now()),
                "method": visit.method,
                "note": visit.note.strip(),
                "needs": visit.needs.strip(),
                "case_id": case.case_id if case else None,
            },
            actor,
        )
    return Visit(visit_id, case)


def _require_pairing(conn, pairing_id: str):
    row = conn.execute("SELECT * FROM pairings WHERE id = ?", (pairing_id,)).fetchone()
    if row is None:
        raise NotFound("找不到这户结对记录", "请从结对帮扶名单中重新选择")
    return row


def _require_active_cadre(conn, cadre_id: str) -> None:
    row = conn.execute("SELECT active FROM cadres WHERE id = ?", (cadre_id,)).fetchone()
    if row is None or not row["active"]:
        raise NotFound("找不到这位在岗代理员", "请从代理员名录中选择")


def household_tags(row) -> list[str]:
    """The vulnerable-household tags of a villagers row."""
    return [t for t in _tags(row) if t in villagers.TAGS]


def _tags(row) -> list[str]:
    # The villager may not have arrived yet (sync): a LEFT JOIN gives no tags.
    return decoded_value(row, "tags", villagers.JSON_COLUMNS) or []


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Household:
    pairing_id: str
    villager_id: str
    name: str
    household_no: str | None
    address: str | None
    tags: list[str]
    cadre_id: str
    cadre_name: str
    paired_at: str
    last_visit_at: str | None
    visits: int
    interval_days: int
    due_at: str
    overdue: bool
    overdue_days: int  # whole days past due (0 when not yet due)


def households(desk: Desk, now: datetime, only_overdue: bool = False) -> list[Household]:
    """Every actively paired household with its next visit due; overdue ones first."""
    rows = desk.db.query(
        "SELECT p.id, p.villager_id, p.cadre_id, p.paired_at, v.name, v.household_no, v.address, v.tags, "
        "c.name AS cadre_name, max(s.visited_at) AS last_visit_at, count(s.id) AS visits "
        "FROM pairings p JOIN villagers v ON v.id = p.villager_id "
        "LEFT JOIN cadres c ON c.id = p.cadre_id "
        "LEFT JOIN support_visits s ON s.pairing_id = p.id "
        "WHERE p.active = 1 GROUP BY p.id"
    )
    found = [_household(row, now) for row in rows]
    if only_overdue:
        found = [h for h in found if h.overdue]
    return sorted(found, key=lambda h: (not h.overdue, h.due_at, h.name))


def _household(row, now: datetime) -> Household:
    tags = household_tags(row)
    days = interval_days(tags)
    due = from_iso(row["last_visit_at"] or row["paired_at"]) + timedelta(days=days)
    return Household(
        row["id"],
        row["villager_id"],
        row["name"],
        row["household_no"],
        row["address"],
        tags,
        row["cadre_id"],
        row["cadre_name"] or "",
        row["paired_at"],
        row["last_visit_at"],
        row["visits"],
        days,
        to_iso(due),
        now > due,
        max(0, (now - due).days),
    )


def overdue_households(desk: Desk, now: datetime) -> list[Household]:
    return households(desk, now, only_overdue=True)


def unpaired_vulnerable(desk: Desk) -> list:
    """Villagers with a vulnerable-household tag and no active pairing: who still needs a cadre."""
    rows = desk.db.query(
        "SELECT v.* FROM villagers v WHERE v.active = 1 AND v.tags != '[]' AND NOT EXISTS "
        "(SELECT 1 FROM pairings p WHERE p.villager_id = v.id AND p.active = 1) ORDER BY v.name"
    )
    return [r for r in rows if household_tags(r)]


def visit_log(desk: Desk, pairing_id: str) -> list:
    return desk.db.query(
        "SELECT s.*, c.name AS cadre_name FROM support_visits s LEFT JOIN cadres c ON c.id = s.cadre_id "
        "WHERE s.pairing_id = ? ORDER BY s.visited_at DESC",
        (pairing_id,),
    )


# --- assessment ------------------------------------------------------------------------


def visited_as_planned(paired_at: str, visits: list[str], interval: int, window_start: str, window_end: str) -> bool:
    """True when the household was never overdue for a visit at any moment of the window.

    Overdue: more than ``interval`` days since the last visit, or since pairing
    before the first visit. The window is the part of the period the household
    was paired (and, for a running period, up to now).
    """
    if window_start >= window_end:
        return True
    marks = [paired_at] + sorted(v for v in visits if v >= paired_at)
    for since, until in zip(marks, marks[1:] + [window_end], strict=True):
        overdue_from = to_iso(from_iso(since) + timedelta(days=interval))
        # Overdue from ``overdue_from`` until the next visit: does that overlap the window?
        if max(overdue_from, window_start) < min(until, window_end):
            return False
    return True


@dataclass(frozen=True)
class PlanStatus:
    unit_code: str
    cadre_id: str
    as_planned: bool


def plan_status(desk: Desk, start: str, end: str, as_of: str) -> list[PlanStatus]:
    """Every pairing active at some time in [start, end), and whether its visits kept to plan."""
    with sqlite_rows(desk.db) as rows:
        return plan_status_in(rows, start, end, as_of)


def plan_status_in(rows: Rows, start: str, end: str, as_of: str) -> list[PlanStatus]:
    """``plan_status`` on either database a hub keeps (haian_desk/storage/reading.py)."""
    paired = rows(
        "SELECT p.id, p.unit_code, p.cadre_id, p.paired_at, p.ended_at, v.tags FROM pairings p "
        "LEFT JOIN villagers v ON v.id = p.villager_id "
        "WHERE p.paired_at < {end} AND (p.ended_at IS NULL OR p.ended_at > {start})",
        {"end": end, "start": start},
    )
    visits: dict[str, list[str]] = {}
    # A visit more than the longest interval before the period cannot decide anything: a
    # household whose last visit is that old is overdue when the period begins either way.
    since = to_iso(from_iso(start) - timedelta(days=LONGEST_INTERVAL_DAYS))
    for v in rows(
        "SELECT pairing_id, visited_at FROM support_visits WHERE visited_at >= {since} AND visited_at < {end}",
        {"since": since, "end": end},
    ):
        visits.setdefault(v["pairing_id"], []).append(v["visited_at"])
    out = []
    for row in paired:
        days = interval_days(_tags(row))
        window_start = max(start, row["paired_at"])
        window_end = min(end, as_of, row["ended_at"] or end)
        out.append(
            PlanStatus(
                row["unit_code"],
                row["cadre_id"],
                visited_as_planned(row["paired_at"], visits.get(row["id"], []), days, window_start, window_end),
            )
        )
    return out

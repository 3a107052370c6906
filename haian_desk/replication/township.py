"""The township centre's side of the network: matters sent up, its stations' health, conflicts.

A township's database holds every station's matters (sync brings them up),
so what the centre sees is read here from the same tables a station uses:
the matters transferred to the township (its inbox), each enrolled station's
last contact, clock and deadlines, and the cases where two levels acted on
the same matter at once. Every change still goes through the case fold
(``taken_up``, ``forwarded``, ``conflict_resolved``) and so travels back down
to the station that took the matter in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itertools import pairwise
import json
from dataclasses import dataclass, field
from datetime import datetime

from haian_desk import station_settings
from haian_desk.replication import sync_state
from haian_desk.people import users
from haian_desk.cases import fold, operations, presentation, queries
from haian_desk.cases.queries import CaseFilter
from haian_desk.cases.vocabulary import EVENT_TYPES, label
from haian_desk.core.errors import HaianError, Message, RuleRefused, ValidationError
from haian_desk.storage.eventlog import Event
from haian_desk.replication.sync_state import CHILD
from haian_desk.core.timeutil import from_iso

if TYPE_CHECKING:
    from haian_desk.desk import Desk

HUB_ROLES = ("township", "county")

# -- settings kept in the installation's own settings table (never synced) -----------

SETTING_DEFAULTS = {"silent_hours": 48, "hub_host": "0.0.0.0", "hub_port": 8765, "hub_autostart": False}
_PREFIX = "township."


def load_settings(desk: Desk) -> dict:
    stored = {row["key"][len(_PREFIX):]: json.loads(row["value"]) for row in desk.db.query(
        "SELECT key, value FROM settings WHERE key LIKE ?", (_PREFIX + "%",))}
    return {key: stored.get(key, default) if isinstance(stored.get(key), type(default)) else default
            for key, default in SETTING_DEFAULTS.items()}


def save_settings(desk: Desk, actor: str, **changes) -> dict:
    users.require_role(desk, actor, "admin", "修改同步设置")
    for key, value in changes.items():
        _check_setting(key, value)
    with desk.db.write() as conn:
        station_settings.write(desk, conn, actor, {_PREFIX + k: v for k, v in changes.items()})
    return load_settings(desk)


def _check_setting(key: str, value) -> None:
    if key not in SETTING_DEFAULTS:
        raise ValidationError("没有“{key}”这项设置", field=key, params={"key": key})
    if key == "silent_hours" and (not isinstance(value, int) or not 1 <= value <= 24 * 30):
        raise ValidationError("失联提醒的时间应在1小时到30天之间", field=key)
    if key == "hub_port" and (not isinstance(value, int) or not 1024 <= value <= 65535):
        raise ValidationError("端口应为1024到65535之间的数", "常用 8765", field=key)
    if key == "hub_autostart" and not isinstance(value, bool):
        raise ValidationError("“随程序启动同步服务”应为是或否", field=key)
    if key == "hub_host" and (not isinstance(value, str) or not value.strip()):
        raise ValidationError("请填写监听地址", "局域网内用 0.0.0.0，只给本机用 127.0.0.1", field=key)


# -- who is who ----------------------------------------------------------------------

def unit_names(desk: Desk) -> dict[str, str]:
    """Unit code → name for this installation and every neighbour it knows."""
    names = {p.unit_code: p.unit_name for p in sync_state.list_peers(desk.db)}
    names[desk.installation.unit_code] = desk.installation.unit_name
    return names


def origin_names(desk: Desk) -> dict[str, str]:
    """Installation id → unit name (an event's origin as a person reads it)."""
    names = {p.id: p.unit_name for p in sync_state.list_peers(desk.db)}
    names[desk.installation.id] = desk.installation.unit_name
    return names


def station_choices(desk: Desk) -> list[tuple[str, str]]:
    """(unit code, name) for a queue's station filter: this centre first, then each station."""
    own = desk.installation
    children = sorted({(p.unit_code, p.unit_name) for p in sync_state.list_peers(desk.db, CHILD)})
    return [(own.unit_code, own.unit_name), *[c for c in children if c[0] != own.unit_code]]


def require_hub(desk: Desk) -> None:
    if desk.installation.role not in HUB_ROLES:
        raise RuleRefused("只有镇（街道）代理中心才能办理上报来的事项", "代理站请在办件详情里办理")


# -- the inbox: matters transferred up to this centre ---------------------------------

NEW, IN_HAND, SENT_ON = "new", "in_hand", "sent_on"
INBOX_VIEWS = {NEW: "待接收", IN_HAND: "办理中", SENT_ON: "已转县或部门"}


@dataclass(frozen=True)
class InboxItem:
    case_id: str
    case_no: str
    unit_code: str
    unit_name: str
    kind: str
    status: str
    matter: str
    villager: str
    sent_at: str | None
    taken_at: str | None
    holder_level: str | None
    holder: str | None
    deadline: str | None
    responsible: str
    joint_units: list[str]
    status_text: str
    tone: str
    status_message: Message | None = None  # status_text as template + parameters, for translation

    @property
    def view(self) -> str:
        if self.holder_level != "township":
            return SENT_ON
        return IN_HAND if self.taken_at else NEW


_INBOX_SQL = """
SELECT c.id, c.case_no, c.unit_code, c.kind, c.status, c.matter_name, c.description, c.deadline,
       c.holder, c.holder_level, c.joint_units, v.name AS villager, k.name AS responsible,
       (SELECT max(e.hlc) FROM events e WHERE e.stream = 'case' AND e.stream_id = c.id
          AND e.type = 'transferred') AS sent_hlc,
       (SELECT e.wall_time FROM events e WHERE e.stream = 'case' AND e.stream_id = c.id
          AND e.type = 'transferred' ORDER BY e.hlc DESC LIMIT 1) AS sent_at,
       (SELECT e.hlc || ' ' || e.wall_time FROM events e WHERE e.stream = 'case' AND e.stream_id = c.id
          AND e.type = 'taken_up' ORDER BY e.hlc DESC LIMIT 1) AS taken
FROM cases c JOIN villagers v ON v.id = c.villager_id LEFT JOIN cadres k ON k.id = c.responsible_cadre_id
WHERE c.holder_level IS NOT NULL AND c.status IN ('transferred', 'paused')
ORDER BY c.deadline IS NULL, c.deadline, c.case_no
"""


def inbox(desk: Desk, now: datetime, view: str | None = None) -> list[InboxItem]:
    """Matters sent up and not yet back: waiting to be received, in hand here, or sent on."""
    names = unit_names(desk)
    items = [_inbox_item(row, names, now) for row in desk.db.query(_INBOX_SQL)]
    return [i for i in items if view is None or i.view == view]


def _inbox_item(row, names: dict[str, str], now: datetime) -> InboxItem:
    taken_hlc, _, taken_at = (row["taken"] or "").partition(" ")
    fresh = bool(taken_hlc) and taken_hlc > (row["sent_hlc"] or "")
    left = presentation.time_left(row["status"], row["deadline"], now)
    return InboxItem(
        case_id=row["id"], case_no=row["case_no"], unit_code=row["unit_code"],
        unit_name=names.get(row["unit_code"], row["unit_code"]), kind=row["kind"], status=row["status"],
        matter=row["matter_name"] or _first_line(row["description"]), villager=row["villager"],
        sent_at=row["sent_at"], taken_at=taken_at if fresh else None, holder_level=row["holder_level"],
        holder=row["holder"], deadline=row["deadline"], responsible=row["responsible"] or "",
        joint_units=json.loads(row["joint_units"] or "[]"),
        status_text=presentation.status_text(row["status"], row["deadline"], now), tone=left.tone,
        status_message=presentation.status_message(row["status"], row["deadline"], now))


def _first_line(text: str | None, width: int = 40) -> str:
    line = (text or "").splitlines()[0] if text else ""
    return line if len(line) <= width else line[:width] + "…"


def take_up(desk: Desk, actor: str, case_id: str) -> dict:
    """The centre says it has the matter in hand (the station sees this after its next sync)."""
    require_hub(desk)
    item = _inbox_entry(desk, case_id)
    if item.holder_level != "township":
        raise RuleRefused("办件 {case_no} 现在不在镇中心", "已转送县或部门的，等对方答复后再办", params={"case_no": item.case_no})
    if item.taken_at:
        raise RuleRefused("办件 {case_no} 已经接收过了", params={"case_no": item.case_no})
    return operations.act(desk, actor, case_id, "taken_up", unit=desk.installation.unit_name)


def forward(desk: Desk, actor: str, case_id: str, to_level: str, to_unit: str, reason: str = "") -> dict:
    """Send a matter on to the county or a department; it stays tracked here until it comes back."""
    require_hub(desk)
    payload = {"to_level": to_level, "to_unit": to_unit.strip(), "reason": reason.strip()}
    return operations.act(desk, actor, case_id, "forwarded", **payload)


def _inbox_entry(desk: Desk, case_id: str) -> InboxItem:
    found = [i for i in inbox(desk, desk.now()) if i.case_id == case_id]
    if not found:
        raise RuleRefused("这件办件不在上报事项里", "可能已办结或已退回站点；请刷新列表")
    return found[0]


# -- stations' health ----------------------------------------------------------------

@dataclass(frozen=True)
class StationHealth:
    id: str
    unit_code: str
    unit_name: str
    active: bool
    enrolled_at: str
    revoked_at: str | None
    last_contact: str | None
    silent: bool            # not heard from for longer than the centre's setting
    silent_hours: int | None
    events_received: int
    missing: int            # records known to exist at the station but not yet here (gaps)
    quarantined: int        # records received but held back for inspection
    clock_drift: int | None
    overdue: int
    due_soon: int
    cases: int


def station_health(desk: Desk, now: datetime, silent_after_hours: int | None = None) -> list[StationHealth]:
    """Every station enrolled here, silent ones first, then by unit code."""
    limit = silent_after_hours or load_settings(desk)["silent_hours"]
    rows = [_health(desk, peer, now, limit) for peer in sync_state.list_peers(desk.db, CHILD)]
    return sorted(rows, key=lambda h: (not (h.silent and h.active), not h.active, h.unit_code))


def _health(desk: Desk, peer: sync_state.Peer, now: datetime, limit_hours: int) -> StationHealth:
    quiet = _hours_since(peer.last_contact, now)
    counted: tuple[tuple[str, dict[str, Any]], ...] = (
        ("overdue", {"overdue": True}), ("due_soon", {"due_soon": True}), ("cases", {}))
    counts = {name: queries.count(desk, CaseFilter(unit_code=peer.unit_code, **flt), now) for name, flt in counted}
    return StationHealth(
        id=peer.id, unit_code=peer.unit_code, unit_name=peer.unit_name, active=peer.active,
        enrolled_at=peer.enrolled_at, revoked_at=peer.revoked_at, last_contact=peer.last_contact,
        silent=quiet is None or quiet >= limit_hours, silent_hours=quiet,
        events_received=peer.events_received, missing=_gaps(desk, peer.id),
        quarantined=len(sync_state.quarantined(desk.db, peer.id)), clock_drift=peer.clock_drift,
        **counts)


def _hours_since(moment: str | None, now: datetime) -> int | None:
    if not moment:
        return None
    return max(0, int((now - from_iso(moment)).total_seconds() // 3600))


def _gaps(desk: Desk, peer_id: str) -> int:
    """How many of the station's log positions are missing between ranges already applied."""
    spans = [(r["lo"], r["hi"]) for r in desk.db.query(
        "SELECT lo, hi FROM sync_ranges WHERE peer = ? ORDER BY lo", (peer_id,))]
    if not spans:
        return 0
    return spans[0][0] + sum(later[0] - earlier[1] for earlier, later in pairwise(spans))


# -- conflicts: two levels acted on the same matter from the same state -------------------

@dataclass(frozen=True)
class Side:
    """One side of a conflict: what was done, where, by whom, when."""

    unit: str
    actor: str
    when: str
    what: str
    detail: str


@dataclass(frozen=True)
class Clash:
    stood: Side | None      # the action the record now follows
    set_aside: Side         # the action the rules could not apply after it
    reason: str


@dataclass
class Conflict:
    case_id: str
    case_no: str
    unit_name: str
    status: str
    conflicts: int
    clashes: list[Clash] = field(default_factory=list)


def conflicts(desk: Desk) -> list[Conflict]:
    """Cases flagged with unsettled conflicts, each with both sides of every clash."""
    rows = desk.db.query("SELECT id FROM cases WHERE conflicts > 0 ORDER BY case_no")
    return [conflict(desk, row["id"]) for row in rows]


def conflict(desk: Desk, case_id: str) -> Conflict:
    case = queries.get_case(desk, case_id)
    names = _Names(desk)
    clashes = _unsettled_clashes(queries.timeline(desk, case_id), names)
    return Conflict(case_id, case["case_no"], unit_names(desk).get(case["unit_code"], case["unit_code"]),
                    case["status"], case["conflicts"], clashes)


def _unsettled_clashes(events: list[Event], names: "_Names") -> list[Clash]:
    """Replay the case as the fold does, noting each refused event and what it ran into."""
    state, mover = None, None
    clashes: list[Clash] = []
    for event in events:
        try:
            after = fold.apply(state, event)
        except HaianError as refused:
            if state is not None:
                state = dict(state, conflicts=state["conflicts"] + 1)
                theirs = names.side(event)
                assert theirs is not None  # side() is None only for no event
                clashes.append(Clash(names.side(mover), theirs, refused.message))
            continue
        if event.type == "conflict_resolved":
            clashes = clashes[int(event.payload["resolves"]):]
        if state is None or after["status"] != state["status"]:
            mover = event
        state = after
    return clashes


class _Names:
    def __init__(self, desk: Desk):
        self.origins = origin_names(desk)
        self.actors = {r["username"]: r["display_name"] for r in desk.db.query(
            "SELECT username, display_name FROM users")}
        self.cadres = {r["id"]: r["name"] for r in desk.db.query("SELECT id, name FROM cadres")}

    def side(self, event: Event | None) -> Side | None:
        if event is None:
            return None
        return Side(unit=self.origins.get(event.origin, "其他单位"), actor=self.actors.get(event.actor, event.actor),
                    when=event.wall_time, what=label(EVENT_TYPES, event.type),
                    detail=presentation.describe_event(event, self.cadres))


def resolve_conflict(desk: Desk, actor: str, case_id: str, decision: str, resolves: int) -> dict:
    """Record who settled the case's conflicts and how; the record keeps following the side that stood."""
    return operations.act(desk, actor, case_id, "conflict_resolved", decision=decision.strip(),
                          resolves=resolves)


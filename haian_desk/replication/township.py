"""The township centre's side of the network: its stations' health, conflicts, settings.

A township's database holds every station's matters (sync brings them up),
so what the centre sees is read here from the same tables a station uses:
the matters sent up to it (its inbox, in haian_desk.cases.inbox), each enrolled station's
last contact, clock and deadlines, and the cases where two levels acted on
the same matter at once. Every change still goes through the case fold
(``taken_up``, ``forwarded``, ``conflict_resolved``) and so travels back down
to the station that took the matter in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from haian_desk import network, station_settings
from haian_desk.cases import fold, operations, presentation, queries

# The inbox of matters sent up lives with the case workflow (haian_desk.cases.inbox), the same
# at every level; its names stay importable from here for the township's screens.
from haian_desk.cases.inbox import (  # noqa: F401
    HUB_ROLES,
    IN_HAND,
    INBOX_VIEWS,
    NEW,
    SENT_ON,
    InboxItem,
    forward,
    inbox,
    own_level,
    require_hub,
    return_down,
    take_up,
    unit_names,
)
from haian_desk.cases.queries import CaseFilter
from haian_desk.cases.vocabulary import EVENT_TYPES, label
from haian_desk.core.errors import N_, HaianError, Message, ValidationError
from haian_desk.core.timeutil import from_iso
from haian_desk.events.audit import account_id
from haian_desk.people import users
from haian_desk.replication import sync_state
from haian_desk.replication.sync_state import CHILD
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# -- settings kept in the installation's own settings table (never synced) -----------

SETTING_DEFAULTS = {"silent_hours": 48, "hub_host": "0.0.0.0", "hub_port": 8765, "hub_autostart": False}
_PREFIX = "township."


def load_settings(desk: Desk) -> dict:
    stored = {
        row["key"][len(_PREFIX) :]: json.loads(row["value"])
        for row in desk.db.query("SELECT key, value FROM settings WHERE key LIKE ?", (_PREFIX + "%",))
    }
    return {
        key: stored.get(key, default) if isinstance(stored.get(key), type(default)) else default
        for key, default in SETTING_DEFAULTS.items()
    }


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
    silent: bool  # not heard from for longer than the centre's setting
    silent_hours: int | None
    events_received: int
    missing: int  # records known to exist at the station but not yet here (gaps)
    quarantined: int  # records received but held back for inspection
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
    quiet = hours_since(peer.last_contact, now)
    counted: tuple[tuple[str, dict[str, Any]], ...] = (
        ("overdue", {"overdue": True}),
        ("due_soon", {"due_soon": True}),
        ("cases", {}),
    )
    counts = {name: queries.count(desk, CaseFilter(unit_code=peer.unit_code, **flt), now) for name, flt in counted}
    return StationHealth(
        id=peer.id,
        unit_code=peer.unit_code,
        unit_name=peer.unit_name,
        active=peer.active,
        enrolled_at=peer.enrolled_at,
        revoked_at=peer.revoked_at,
        last_contact=peer.last_contact,
        silent=is_silent(quiet, limit_hours),
        silent_hours=quiet,
        events_received=peer.events_received,
        missing=_gaps(desk, peer.id),
        quarantined=len(sync_state.quarantined(desk.db, peer.id)),
        clock_drift=peer.clock_drift,
        **counts,
    )


def is_silent(quiet_hours: int | None, limit_hours: int) -> bool:
    """A child not heard from for ``limit_hours`` or more, or never: the centre should ask why."""
    return quiet_hours is None or quiet_hours >= limit_hours


def hours_since(moment: str | None, now: datetime) -> int | None:
    """Whole hours since ``moment`` (a last contact), None for never."""
    if not moment:
        return None
    return max(0, int((now - from_iso(moment)).total_seconds() // 3600))


def _gaps(desk: Desk, peer_id: str) -> int:
    """How many of the station's log positions are missing between ranges already applied."""
    spans = [
        (r["lo"], r["hi"])
        for r in desk.db.query("SELECT lo, hi FROM sync_ranges WHERE peer = ? ORDER BY lo", (peer_id,))
    ]
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
    detail: tuple[Message, ...]  # the timeline's detail, each part said in the reader's language

    def detail_text(self) -> str:
        """The detail in Chinese (what the timeline shows)."""
        return "；".join(map(str, self.detail))


@dataclass(frozen=True)
class Clash:
    stood: Side | None  # the action the record now follows
    set_aside: Side  # the action the rules could not apply after it
    reason: Message  # the rule that refused it, translatable where it is shown


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
    events = queries.timeline(desk, case_id)
    clashes = _unsettled_clashes(events, _Names(desk, events))
    return Conflict(
        case_id,
        case.case_no,
        unit_names(desk).get(case.unit_code) or network.name_from_code(case.unit_code),
        case.status,
        case.conflicts,
        clashes,
    )


def _unsettled_clashes(events: list[Event], names: _Names) -> list[Clash]:
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
                clashes.append(Clash(names.side(mover), theirs, Message(refused.template, refused.params)))
            continue
        if event.type == "conflict_resolved":
            clashes = clashes[int(event.payload["resolves"]) :]
        if state is None or after["status"] != state["status"]:
            mover = event
        state = after
    return clashes


class _Names:
    def __init__(self, desk: Desk, events: list[Event]):
        self.origins = origin_names(desk)
        self.actors = presentation.actor_names(desk, events)  # by login id: user names repeat between units
        self.cadres = {r["id"]: r["name"] for r in desk.db.query("SELECT id, name FROM cadres")}

    def side(self, event: Event | None) -> Side | None:
        if event is None:
            return None
        return Side(
            unit=self.origins.get(event.origin, N_("其他单位")),
            actor=self.actors.get(account_id(event.origin, event.actor), event.actor),
            when=event.wall_time,
            what=label(EVENT_TYPES, event.type),
            detail=tuple(presentation.event_parts(event, self.cadres)),
        )


def resolve_conflict(desk: Desk, actor: str, case_id: str, decision: str, resolves: int) -> dict:
    """Record who settled the case's conflicts and how; the record keeps following the side that stood."""
    return operations.act(desk, actor, case_id, "conflict_resolved", decision=decision.strip(), resolves=resolves)

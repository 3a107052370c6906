"""A proxy centre's inbox: matters sent up to it, at any rung of the ladder (township, county …).

The centre's database holds every matter of its area (sync brings them up).
Its inbox lists the open ones sent up to this level or past it: waiting to
be received here, in hand here, or sent on (higher, or to a department).
Which centre holds a matter is one rule (``haian_desk.cases.levels``), so a
county's inbox is the township's inbox one rung higher. Every action is a
case event (``taken_up``, ``forwarded``, ``returned`` …) that travels down
to the station that took the matter in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk import network
from haian_desk.cases import fold, levels, operations, presentation, queries
from haian_desk.core.errors import Message, RuleRefused
from haian_desk.events.columns import decoded_value
from haian_desk.replication import sync_state

if TYPE_CHECKING:
    from haian_desk.desk import Desk

HUB_ROLES = network.HUB_ROLES
NEW, IN_HAND, SENT_ON = "new", "in_hand", "sent_on"
INBOX_VIEWS = {NEW: "待接收", IN_HAND: "办理中", SENT_ON: "已转出"}


def unit_names(desk: Desk) -> dict[str, str]:
    """Unit code → name for this installation and every neighbour it knows."""
    names = {p.unit_code: p.unit_name for p in sync_state.list_peers(desk.db)}
    names[desk.installation.unit_code] = desk.installation.unit_name
    return names


def require_hub(desk: Desk) -> None:
    if desk.installation.role not in HUB_ROLES:
        raise RuleRefused("只有镇（街道）代理中心和县级代理中心才能办理上报来的事项", "代理站请在办件详情里办理")


def own_level(desk: Desk) -> str:
    """This centre's rung: a county installation is "county", a township one "township"."""
    return levels.level_of_unit(desk.installation.unit_code)


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
    level: str = "township"  # the centre whose inbox this is
    route_up: list[dict] = field(default_factory=list)
    follows_up: bool = False  # this centre records what happens to it (see _follows_up)

    @property
    def here(self) -> bool:
        """Held by this centre itself (not sent higher or to a department)."""
        return self.holder_level == self.level

    @property
    def view(self) -> str:
        if not self.here:
            return SENT_ON
        return IN_HAND if self.taken_at else NEW

    @property
    def return_choices(self) -> list[str]:
        """Where this centre may send the matter back down to: the centres below it on its route, the station."""
        return levels.return_choices({"route_up": self.route_up}, self.level)


# A matter counts as received when a take-up follows the last time it moved (sent up, on, or back).
_INBOX_SQL = """
SELECT c.id, c.case_no, c.unit_code, c.kind, c.status, c.matter_name, c.description, c.deadline,
       c.holder, c.holder_level, c.joint_units, c.route_up, v.name AS villager, k.name AS responsible,
       (SELECT max(e.hlc) FROM events e WHERE e.stream = 'case' AND e.stream_id = c.id
          AND e.type IN ('transferred', 'forwarded', 'returned')) AS moved_hlc,
       (SELECT e.wall_time FROM events e WHERE e.stream = 'case' AND e.stream_id = c.id
          AND e.type IN ('transferred', 'forwarded', 'returned') ORDER BY e.hlc DESC LIMIT 1) AS sent_at,
       (SELECT e.hlc || ' ' || e.wall_time FROM events e WHERE e.stream = 'case' AND e.stream_id = c.id
          AND e.type = 'taken_up' ORDER BY e.hlc DESC LIMIT 1) AS taken
FROM cases c JOIN villagers v ON v.id = c.villager_id LEFT JOIN cadres k ON k.id = c.responsible_cadre_id
WHERE c.holder_level IS NOT NULL AND c.status IN ('transferred', 'paused') AND c.route_up != '[]'
  AND substr(c.unit_code, 1, length(:area)) = :area
ORDER BY c.deadline IS NULL, c.deadline, c.case_no
"""


def inbox(desk: Desk, now: datetime, view: str | None = None) -> list[InboxItem]:
    """Matters sent up to this centre or past it and not yet back: new, in hand here, or sent on."""
    level, names = own_level(desk), unit_names(desk)
    above = sync_state.parent(desk.db) is not None
    rows = desk.db.query(_INBOX_SQL, {"area": desk.installation.unit_code})
    items = [_inbox_item(row, names, now, level, above) for row in rows]
    return [i for i in items if _reached(i, level) and (view is None or i.view == view)]


def _reached(item: InboxItem, level: str) -> bool:
    """Sent up to this rung or beyond it: what stays below (at a township, seen from the county) is not ours."""
    return max(levels.rung(step["level"]) for step in item.route_up) >= levels.rung(level)


def _follows_up(route_up: Sequence[dict], level: str, hub_above: bool) -> bool:
    """Whether this centre records what happens to a matter: it holds it or sent it to a department;
    or it sent it higher and no centre above syncs with it (a county unit without a hub of its
    own answers by phone or paper, and the township records the answer)."""
    top = route_up[-1]["level"] if route_up else None
    return top == level or (not hub_above and levels.rung(top) > levels.rung(level))


def _inbox_item(row, names: dict[str, str], now: datetime, level: str, hub_above: bool) -> InboxItem:
    taken_hlc, _, taken_at = (row["taken"] or "").partition(" ")
    fresh = bool(taken_hlc) and taken_hlc > (row["moved_hlc"] or "")
    left = presentation.time_left(row["status"], row["deadline"], now)
    return InboxItem(
        case_id=row["id"],
        case_no=row["case_no"],
        unit_code=row["unit_code"],
        unit_name=names.get(row["unit_code"]) or _far_unit(row["unit_code"]),
        kind=row["kind"],
        status=row["status"],
        matter=row["matter_name"] or _first_line(row["description"]),
        villager=row["villager"],
        sent_at=row["sent_at"],
        taken_at=taken_at if fresh else None,
        holder_level=row["holder_level"],
        holder=row["holder"],
        deadline=row["deadline"],
        responsible=row["responsible"] or "",
        joint_units=decoded_value(row, "joint_units", fold.JSON_COLUMNS) or [],
        status_text=presentation.status_text(row["status"], row["deadline"], now),
        tone=left.tone,
        status_message=presentation.status_message(row["status"], row["deadline"], now),
        level=level,
        route_up=(route := decoded_value(row, "route_up", fold.JSON_COLUMNS) or []),
        follows_up=_follows_up(route, level, hub_above),
    )


def _far_unit(code: str) -> str:
    """A station two rungs down (the county does not enrol it): its township's name and its own code."""
    township = network.township_name(code)
    return f"{township} {code}" if township else code


def _first_line(text: str | None, width: int = 40) -> str:
    line = (text or "").splitlines()[0] if text else ""
    return line if len(line) <= width else line[:width] + "…"


# -- acting: each a case event, the ladder's rule checked first here and again in the fold ----


def take_up(desk: Desk, actor: str, case_id: str) -> dict:
    """The centre says it has the matter in hand (the station sees this after its next sync)."""
    require_hub(desk)
    level, case = own_level(desk), queries.get_case(desk, case_id)
    levels.require_held(case.state(), level)
    entry = _entry(desk, case_id)
    if entry is not None and entry.taken_at:
        raise RuleRefused("办件 {case_no} 已经接收过了", params={"case_no": case.case_no})
    return operations.act(desk, actor, case_id, "taken_up", unit=desk.installation.unit_name, level=level)


def forward(desk: Desk, actor: str, case_id: str, to_level: str, to_unit: str, reason: str = "") -> dict:
    """Send a matter on, higher or to a department; it stays tracked here until it comes back."""
    require_hub(desk)
    level = own_level(desk)
    levels.require_held(queries.get_case(desk, case_id).state(), level, "转送")
    payload = {"to_level": to_level, "to_unit": to_unit.strip(), "reason": reason.strip(), "from_level": level}
    return operations.act(desk, actor, case_id, "forwarded", **payload)


def return_down(desk: Desk, actor: str, case_id: str, outcome: str, to_level: str | None = None) -> dict:
    """Send a matter back down with what was done here: to a centre below on its route, or the station.

    Without ``to_level`` it goes to the next centre down the way it came (the
    township that sent it to the county), or to the station if it came straight."""
    require_hub(desk)
    level, case = own_level(desk), queries.get_case(desk, case_id)
    if not _follows_up(case.route_up, level, sync_state.parent(desk.db) is not None):
        levels.require_held(case.state(), level, "退回")
    target = to_level or levels.return_choices(case.state(), level)[0]
    payload = {"outcome": outcome.strip()}
    if target != levels.STATION:
        payload["to_level"] = target
    return operations.act(desk, actor, case_id, "returned", **payload)


def _entry(desk: Desk, case_id: str) -> InboxItem | None:
    return next((i for i in inbox(desk, desk.now()) if i.case_id == case_id), None)

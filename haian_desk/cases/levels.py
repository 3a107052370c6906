"""Which level of the network holds a matter now: the one rule, for every level.

A matter is taken in at a village station. Sent up (转办) it climbs the
ladder of proxy centres — township, county, and in time city and province —
and each centre it reaches is written on the case's ``route_up`` (level and
unit, in the order it climbed). The top of that route is the centre that
answers for the matter while it is away from the station; ``holder_level``
says where it is right now: at that centre, or with a department the centre
sent it to. It comes back down the same way: returned to a centre below it
on its route, or all the way to the station.

The fold (``haian_desk.cases.fold``) calls these functions for ``transferred``,
``forwarded``, ``taken_up`` and ``returned``; the inbox
(``haian_desk.cases.inbox``) reads the same route, so a township and a county
are the same code at two rungs of the ladder.
"""

from __future__ import annotations

from typing import Any

from haian_desk.cases.vocabulary import STATUSES, label
from haian_desk.core.errors import N_, Message, RuleRefused, ValidationError
from haian_desk.network import LEVELS

# The rungs above the station, lowest first. A city or a province hub is one more rung.
LADDER = ("township", "county", "city", "province")
STATION = "station"
DEPARTMENT = "department"
CENTRE_NAMES = {
    "station": N_("受理站点"),
    "township": N_("镇（街道）代理中心"),
    "county": N_("县级代理中心"),
    "city": N_("市级代理中心"),
    "province": N_("省级代理中心"),
    "department": N_("职能部门"),
}

State = dict[str, Any]


def rung(level: str | None) -> int:
    """Height on the ladder: the station is 0, a township 1, a county 2 …; a department has none."""
    return LADDER.index(level) + 1 if level in LADDER else 0


def level_of_unit(unit_code: str) -> str:
    """The level an installation serves, read from its division code (6 digits county, 9 township)."""
    level = LEVELS.get(len(unit_code), STATION)
    return level if level in LADDER else STATION


def centre_name(level: str | None) -> Message:
    return Message(CENTRE_NAMES.get(level or STATION, str(level)))


def tracking_level(state: State) -> str | None:
    """The centre that answers for the matter while it is away from the station (None: the station)."""
    route = state.get("route_up") or []
    return route[-1]["level"] if route else None


def held_at(state: State) -> str | None:
    """The centre holding the matter in its own hands now (not sent on to a department or higher)."""
    level = state.get("holder_level")
    return level if level in LADDER and state.get("status") in ("transferred", "paused") else None


def where_text(state: State) -> Message:
    """Where the matter is, in words: "县级代理中心（海安市民政局）", "受理站点" …"""
    level = state.get("holder_level")
    if not level or state.get("status") not in ("transferred", "paused"):
        return centre_name(STATION)
    name = centre_name(level)
    return Message("{name}（{unit}）", {"name": name, "unit": state["holder"]}) if state.get("holder") else name


# -- the fold's side: each move checked against the ladder ---------------------------------


def sent_up(state: State, to_level: str, to_unit: str) -> None:
    """A station's transfer: a centre starts the route; a department leaves the station tracking it."""
    state["holder_level"], state["holder"] = to_level, to_unit
    state["route_up"] = [{"level": to_level, "unit": to_unit}] if to_level in LADDER else []


def sent_on(state: State, to_level: str, to_unit: str, from_level: str | None) -> None:
    """A centre sends the matter higher, or to a department it keeps tracking.

    ``from_level`` is absent on records made before the county had an inbox:
    those are taken as they were recorded."""
    if from_level is not None:
        require_held(state, from_level, "转送")
        if to_level in LADDER and rung(to_level) <= rung(from_level):
            raise ValidationError(
                "只能转送到上一级代理中心或职能部门，不能转到{to}",
                "退回下级请用“退回”",
                field="to_level",
                params={"to": centre_name(to_level)},
            )
    state["holder_level"], state["holder"] = to_level, to_unit
    if to_level in LADDER:
        state["route_up"] = [*(state.get("route_up") or []), {"level": to_level, "unit": to_unit}]


def require_held(state: State, level: str, verb: str = "接收") -> None:
    """Refuse, saying where the matter is and what to do, unless the centre at ``level`` holds it."""
    if held_at(state) == level:
        return
    here = centre_name(level)
    if state.get("status") not in ("transferred", "paused"):
        raise RuleRefused(
            "办件 {case_no} 现在不在{here}：已经回到受理站点（{status}）",
            "不用再{verb}；需要时请站点重新转办",
            params={
                "case_no": state.get("case_no", ""),
                "here": here,
                "verb": verb,
                "status": label(STATUSES, state.get("status")),
            },
        )
    tracking = tracking_level(state)
    if tracking == level:
        hint = N_("已由本级转送出去：等对方答复后，在“上报事项”里办结或退回")
    elif rung(tracking) > rung(level):
        hint = N_("事项已在上级办理：等上级办理后退回本级再办")
    else:
        hint = N_("请由{where}办理；需要本级办理的，请对方转送上来")
    raise RuleRefused(
        "办件 {case_no} 现在不在{here}，在{where}",
        hint,
        params={"case_no": state.get("case_no", ""), "here": here, "where": where_text(state)},
    )


def came_down(state: State, to_level: str | None) -> None:
    """Returned: to a centre lower on the route, or (no level, or the station) back to the station."""
    if to_level in (None, "", STATION):
        state["holder_level"], state["holder"], state["route_up"] = None, None, []
        state["status"] = "in_progress"
        return
    route = state.get("route_up") or []
    below = [n for n, step in enumerate(route) if step["level"] == to_level]
    holder = state.get("holder_level")
    # Down only: to a centre under the one holding it, or back to the tracking centre from a department.
    downwards = holder == DEPARTMENT or rung(to_level) < rung(holder)
    if to_level not in LADDER or not below or not downwards:
        raise RuleRefused(
            "办件 {case_no} 不能退回{to}：它现在不在那一级之上",
            "可以退回：{choices}",
            params={
                "case_no": state.get("case_no", ""),
                "to": centre_name(to_level),
                "choices": [centre_name(c) for c in return_choices(state)],
            },
        )
    kept = route[: below[-1] + 1]
    state["route_up"] = kept
    state["holder_level"], state["holder"] = to_level, kept[-1]["unit"]


def return_choices(state: State, from_level: str | None = None) -> list[str]:
    """Where a matter can be returned to from ``from_level`` (default: where it is): lower centres, then the station."""
    top = rung(from_level or tracking_level(state))
    lower = [step["level"] for step in state.get("route_up") or [] if rung(step["level"]) < top]
    return [*reversed(list(dict.fromkeys(lower))), STATION]


def gone_home(state: State) -> None:
    """Completed: wherever it was, the matter is settled and off every centre's list."""
    state["holder_level"], state["holder"], state["route_up"] = None, None, []

"""The proxy network: county → township centre → village station → group point.

Units are keyed by statistical division codes (统计用区划代码): 6 digits for the
county, 9 for a township, 12 for a village; a villager-group point is its
village's code plus a 3-digit group number entered at set-up (15 digits).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from haian_desk.core.errors import N_, ValidationError
from haian_desk.core.paths import resource_path

if TYPE_CHECKING:  # the desk holds the network's installation: a type only, never an import cycle
    from collections.abc import Mapping

    from haian_desk.desk import Desk
    from haian_desk.storage.reading import Rows

LEVELS = {6: "county", 9: "township", 12: "village", 15: "group"}
LEVEL_NAMES = {
    "county": "县（市）",
    "township": "镇（街道）代理中心",
    "village": "村（社区）代理站",
    "group": "组代理点",
}
ROLES = {"station": "代理站", "township": "代理中心"}
# The county centre is a sync hub above the townships (haian-desk init --role county);
# it is not one of the roles a station's set-up offers.
COUNTY_ROLE = "county"
# The roles of an installation that serves the installations below it (sync hub, inbox of matters
# sent up). Written once: the sync server and the inbox both ask here.
HUB_ROLES = ("township", "county")
# What a hub is called in the messages its children read ("请联系镇中心"): by its own level.
HUB_CENTRES = {"township": N_("镇中心"), "county": N_("县级中心"), "city": N_("市级中心"), "province": N_("省级中心")}
# Levels above the county (hubs on PostgreSQL): their code's digits kept, the rest zeros.
LEVELS_ABOVE_COUNTY = {"city": 4, "province": 2}
# Which role enrols under which, one level at a time: stations under a township, townships under
# the county, the county under its city, cities under the province.
CHILD_ROLE = {"township": "station", "county": "township", "city": "county", "province": "city"}


def centre_of(role: str) -> str:
    """The hub's short name for its children's messages; a role without one reads as a sync centre."""
    return HUB_CENTRES.get(role, N_("同步中心"))


def governs(hub_code: str, hub_role: str, code: str) -> bool:
    """Whether the unit ``code`` lies within the hub's unit: a city's or province's code counts
    only its kept digits (320600 is 3206…), a county's or township's is a plain prefix."""
    kept = LEVELS_ABOVE_COUNTY.get(hub_role)
    prefix = hub_code[:kept] if kept else hub_code
    return bool(prefix) and code.startswith(prefix) and code != hub_code


def matters_prefix(code: str, role: str) -> str:
    """What a unit's matters' codes begin with, so a hub sends a child what concerns its matters:
    a station's own code, a township's or county's code as a prefix, a city's or province's kept
    digits (the rule ``governs`` uses)."""
    kept = LEVELS_ABOVE_COUNTY.get(role)
    return code[:kept] if kept else code


def may_enrol_under(hub_code: str, hub_role: str, code: str, role: str) -> bool:
    """The one rule both sides of an enrolment check: the right role, one level down, inside the hub's unit."""
    return CHILD_ROLE.get(hub_role) == role and governs(hub_code, hub_role, code)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str

    @property
    def level(self) -> str:
        return LEVELS[len(self.code)]

    @property
    def township_code(self) -> str | None:
        return self.code[:9] if len(self.code) >= 9 else None

    @property
    def county_code(self) -> str:
        return self.code[:6]


@cache
def divisions() -> dict:
    return json.loads(resource_path("divisions.json").read_text(encoding="utf-8"))


def county() -> Unit:
    c = divisions()["county"]
    return Unit(c["code"], c["name"])


def townships() -> list[Unit]:
    return [Unit(t["code"], t["name"]) for t in divisions()["townships"]]


def township_name(code: str) -> str | None:
    for unit in townships():
        if unit.code == code[:9]:
            return unit.name
    return None


def check_unit_code(code: str, role: str) -> str:
    """Validate an installation's unit code for its role; returns the unit level."""
    code = code.strip()
    if role in LEVELS_ABOVE_COUNTY:
        return _check_level_above_county(code, role)
    if role == COUNTY_ROLE:
        if code != county().code:
            raise ValidationError(
                "县级代理中心的单位代码应为6位县（市）代码 {code}", field="station_code", params={"code": county().code}
            )
        return "county"
    if role not in ROLES:
        raise ValidationError("角色应为 station（代理站）或 township（代理中心）", field="role")
    if not code.isdigit() or len(code) not in LEVELS:
        raise ValidationError(
            "单位代码应为数字：镇9位，村12位，组15位（村代码+3位组号）",
            "请对照统计用区划代码填写",
            field="station_code",
        )
    level = LEVELS[len(code)]
    if role == "township" and level != "township":
        raise ValidationError("代理中心的单位代码应为9位镇（街道）代码", field="station_code")
    if role == "station" and level not in ("village", "group"):
        raise ValidationError("代理站的单位代码应为12位村代码（组代理点为15位）", field="station_code")
    if township_name(code) is None:
        known = "、".join(f"{t.code} {t.name}" for t in townships())
        raise ValidationError(
            "代码 {value} 不是已知的镇（街道）",
            "已知的有：{known}",
            field="station_code",
            params={"value": code[:9], "known": known},
        )
    return level


def _check_level_above_county(code: str, role: str) -> str:
    kept = LEVELS_ABOVE_COUNTY[role]
    if len(code) != 6 or not code.isdigit() or code[kept:] != "0" * (6 - kept) or set(code[:kept][-2:]) == {"0"}:
        raise ValidationError(
            "市、省中心的单位代码应为6位：市为前4位加 00（如 320600），省为前2位加 0000（如 320000）",
            field="station_code",
        )
    return role


@dataclass(frozen=True)
class Installation:
    """Which unit this installation serves, and as what."""

    id: str
    unit_code: str
    unit_name: str
    role: str
    address: str = ""
    phone: str = ""

    @property
    def unit(self) -> Unit:
        return Unit(self.unit_code, self.unit_name)

    @property
    def township_name(self) -> str:
        return township_name(self.unit_code) or ""


def peer_names(rows: Rows) -> dict[str, str]:
    """Every enrolled peer's name by unit code, as ``unit_name_in`` picks it, in one statement
    (a province's report names 20,000 stations: one statement each took most of a minute)."""
    names: dict[str, str] = {}
    for row in rows(f"SELECT unit_code, unit_name FROM sync_peers {_PREFERRED_PEER}", {}):
        names.setdefault(row["unit_code"], row["unit_name"])
    return names


def unit_name(desk: Desk, code: str) -> str:
    """What a unit is called here: this installation, the county, an enrolled peer, or a name from its code."""
    from haian_desk.storage.reading import sqlite_rows

    with sqlite_rows(desk.db) as rows:
        return unit_name_in(rows, desk.installation.unit_code, desk.installation.unit_name, code)


# Of several peers with one code (one revoked, one enrolled again), the one a name comes from.
_PREFERRED_PEER = "ORDER BY CASE WHEN status = 'enrolled' THEN 0 ELSE 1 END, enrolled_at DESC"


def unit_name_in(rows: Rows, own_code: str, own_name: str, code: str, peers: Mapping[str, str] | None = None) -> str:
    """``unit_name`` on either database a hub keeps (haian_desk/storage/reading.py); ``peers``
    (from ``peer_names``) saves a statement per unit when many are named at once."""
    if code == own_code:
        return own_name
    top = county()
    if code == top.code:
        return top.name
    if peers is None:
        peers = {
            row["unit_code"]: row["unit_name"]
            for row in rows(
                f"SELECT unit_code, unit_name FROM sync_peers WHERE unit_code = {{code}} {_PREFERRED_PEER} LIMIT 1",
                {"code": code},
            )
        }
    if code in peers:
        return peers[code]
    return name_from_code(code)


def name_from_code(code: str) -> str:
    """A unit known here only by its code (not enrolled here: e.g. a station below a township
    that syncs into this county): named from its township, as far as the code tells."""
    township = township_name(code)
    if len(code) == 9 and township:
        return f"{township}代理中心"
    return f"{township or ''}代理站 {code[9:]}".strip()

"""The cadres directory (代理员): names, phones, units, areas and service items, published.

A cadre is a ``cadre`` record stream: ``created`` with every field, ``updated``
with the fields an edit changed, ``retired`` when the cadre leaves (they leave
the public board and can no longer take a matter, but stay in the history of
every matter they handled) and ``reinstated`` if they come back. The same
``apply`` folds a row incrementally and on a rebuild; the stream syncs up to
the township like every other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.normalise import ascii_digits, free_text, name_text
from haian_desk.core.timeutil import local
from haian_desk.events.columns import decoded_value
from haian_desk.events.records import record_apply
from haian_desk.people.phone import parse_phone
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# What a cadre does at the station (stored as the code, shown as the word).
ROLES = {"head": "站长", "agent": "代理员", "liaison": "联络员", "group_agent": "组代理点代理员"}

FIELDS: dict[str, object] = {
    "name": "",
    "phone": None,
    "unit_code": "",
    "title": None,
    "area": None,
    "service_items": [],
    "on_public_board": 1,
    "active": 1,
    # v6 (the roster): older events lack these and fold to the defaults, which
    # are also the defaults the migration gives existing rows.
    "role": "agent",
    "party_member": 1,
    "active_from": None,
    "active_to": None,
    "retired_reason": None,
}
JSON_COLUMNS = ("service_items",)
EDITABLE = (
    "name",
    "phone",
    "unit_code",
    "title",
    "area",
    "service_items",
    "on_public_board",
    "role",
    "party_member",
    "active_from",
)

_fields = record_apply(FIELDS, lambda state: None, "代理员")


def apply(state: dict | None, event: Event) -> dict:
    if event.type == "retired":
        current = _existing(state)
        if not current["active"]:
            raise RuleRefused("{name}已经离任", params={"name": current["name"]})
        p = event.payload
        return dict(
            current,
            active=0,
            active_to=p.get("active_to") or event.wall_time[:10],
            retired_reason=p.get("reason") or None,
        )
    if event.type == "reinstated":
        current = _existing(state)
        if current["active"]:
            raise RuleRefused("{name}在任，不用恢复", params={"name": current["name"]})
        return dict(current, active=1, active_to=None, retired_reason=None)
    return _fields(state, event)


def _existing(state: dict | None) -> dict:
    if state is None:
        raise RuleRefused("代理员不存在")
    return state


@dataclass(frozen=True)
class CadreInput:
    """What a clerk types about a cadre. The first fields keep their order (callers pass them by position)."""

    name: str
    phone: str
    unit_code: str
    title: str = ""
    area: str = ""
    service_items: tuple[str, ...] = ()
    on_public_board: bool = True
    active: bool = True
    role: str = "agent"  # a code of ROLES, or its word (站长)
    party_member: bool = True
    active_from: str = ""  # 2026-03-04; empty: the day the cadre is added


def clean(data: CadreInput, today: date | None = None) -> dict:
    """Check every field; returns the payload to record or raises ValidationError."""
    name = name_text(data.name, "代理员姓名")
    if not name:
        raise ValidationError("请填写代理员姓名", field="name")
    if len(name) > 20:
        raise ValidationError("姓名太长（最多20个字）", field="name")
    if not data.phone.strip():
        raise ValidationError("代理员的电话要公示，请填写", "手机号11位；座机请带区号，如 0513-88123456", field="phone")
    unit_code = ascii_digits(data.unit_code.strip())
    if not unit_code.isdigit() or not unit_code.isascii():
        raise ValidationError("请选择代理员所在单位", field="unit_code")
    started = parse_day(data.active_from, "到任日期", "active_from") if data.active_from.strip() else today
    return {
        "name": name,
        "phone": parse_phone(data.phone),
        "unit_code": unit_code,
        "title": free_text(data.title, "职务", "title") or None,
        "area": free_text(data.area, "负责片区", "area") or None,
        "service_items": [s for s in (free_text(i, "服务事项", "service_items") for i in data.service_items) if s],
        "on_public_board": int(data.on_public_board),
        "active": int(data.active),
        "role": role_code(data.role),
        "party_member": int(data.party_member),
        "active_from": started.isoformat() if started else None,
    }


def role_code(text: str) -> str:
    """A role as stored: its code, whether the code or the Chinese word was given."""
    word = (text or "").strip()
    if word in ROLES:
        return word
    for code, label in ROLES.items():
        if word == label:
            return code
    raise ValidationError(
        "没有“{word}”这种角色", "可选：{items}", field="role", params={"word": word, "items": "、".join(ROLES.values())}
    )


_DAY = re.compile(r"(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?")


def parse_day(text: str, what: str, field: str) -> date:
    """A day as people write it: 2026-03-04, 2026/3/4, 2026.3.4, 2026年3月4日 (全角 too)."""
    typed = unicodedata.normalize("NFKC", free_text(text, what, field))
    match = _DAY.fullmatch(ascii_digits(typed).replace(" ", ""))
    try:
        if match is None:
            raise ValueError
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        raise ValidationError(
            "{what}“{text}”不是有效日期",
            "请写成 2026-03-04 这样",
            field=field,
            params={"what": what, "text": text.strip()},
        ) from None


def _today(desk: Desk) -> date:
    return local(desk.now()).date()


def add(desk: Desk, actor: str, data: CadreInput) -> str:
    """Add a cadre to the roster; the same name with the same phone twice in one unit is refused."""
    fields = clean(data, _today(desk))
    cadre_id = uuid7()
    with desk.db.write() as conn:
        twin = conn.execute(
            "SELECT name FROM cadres WHERE name = ? AND phone = ? AND unit_code = ? AND active = 1",
            (fields["name"], fields["phone"], fields["unit_code"]),
        ).fetchone()
        if twin:
            raise ValidationError(
                "{name}（{phone}）已在代理员名录中",
                "请在名录中选择并修改，不要重复添加",
                field="name",
                params={"name": fields["name"], "phone": fields["phone"]},
            )
        desk.ledger.record(conn, "cadre", cadre_id, "created", fields, actor)
    return cadre_id


def edit(desk: Desk, actor: str, cadre_id: str, data: CadreInput) -> dict:
    """Record what changed in a cadre's details (not whether they serve: see retire).

    Returns the changed fields ({} when nothing changed: no event is written).
    """
    fields = clean(data, _today(desk))
    with desk.db.write() as conn:
        current = get_row(conn, cadre_id)
        changed = {k: fields[k] for k in EDITABLE if fields[k] != _stored(current, k)}
        if not data.active_from.strip():
            changed.pop("active_from", None)  # left empty: keep the day already recorded
        if changed:
            desk.ledger.record(conn, "cadre", cadre_id, "updated", changed, actor)
    return changed


update = edit  # the name earlier callers used


def retire(desk: Desk, actor: str, cadre_id: str, on: str = "", reason: str = "") -> None:
    """A cadre leaves: off the board, no new matters; their past work stays theirs."""
    with desk.db.write() as conn:
        current = get_row(conn, cadre_id)
        day = parse_day(on, "离任日期", "active_to") if on.strip() else _today(desk)
        if current["active_from"] and day.isoformat() < current["active_from"]:
            raise ValidationError(
                "离任日期 {day} 早于到任日期 {active_from}",
                "请核对日期",
                field="active_to",
                params={"day": day, "active_from": current["active_from"]},
            )
        desk.ledger.record(
            conn,
            "cadre",
            cadre_id,
            "retired",
            {"active_to": day.isoformat(), "reason": free_text(reason, "离任原因", "reason")},
            actor,
        )


def reinstate(desk: Desk, actor: str, cadre_id: str) -> None:
    with desk.db.write() as conn:
        get_row(conn, cadre_id)
        desk.ledger.record(conn, "cadre", cadre_id, "reinstated", {}, actor)


def _stored(row, key):
    return decoded_value(row, key, JSON_COLUMNS)


def get_row(conn, cadre_id: str):
    row = conn.execute("SELECT * FROM cadres WHERE id = ?", (cadre_id,)).fetchone()
    if row is None:
        raise NotFound("找不到这位代理员", "请从代理员名录中选择")
    return row


def get(desk: Desk, cadre_id: str):
    with desk.db.read() as conn:
        return get_row(conn, cadre_id)


def active_cadres(desk: Desk) -> list:
    return desk.db.query("SELECT * FROM cadres WHERE active = 1 ORDER BY name")


def own_units(unit_code: str) -> tuple[str, tuple]:
    """SQL (and its parameters) for the cadres a unit publishes and manages: its own, and a
    village station's group points (组代理点, whose codes extend the village's). Cadres of
    other levels that came down or up with the directory belong to their own units."""
    return (
        "(unit_code = ? OR (length(?) = 12 AND length(unit_code) = 15 AND substr(unit_code, 1, 12) = ?))",
        (unit_code, unit_code, unit_code),
    )


def roster(desk: Desk, include_retired: bool = False) -> list:
    """This unit's roster, as the screen and the CLI list it: the head first, then by name; retired last."""
    where, params = own_units(desk.installation.unit_code)
    retired = "" if include_retired else "AND active = 1"
    return desk.db.query(
        f"SELECT * FROM cadres WHERE {where} {retired} ORDER BY active DESC, role != 'head', name", params
    )


def find(desk: Desk, text: str):
    """One cadre by id, or by name when exactly one cadre has it (for the CLI)."""
    text = text.strip()
    rows = desk.db.query(
        "SELECT * FROM cadres WHERE id = ? OR name = ? ORDER BY active DESC", (text, name_text(text) if text else "")
    )
    if not rows:
        raise NotFound("代理员名录里没有“{text}”", "用 haian-desk cadres list 查看名录", params={"text": text})
    if len(rows) > 1 and rows[0]["id"] != text:
        raise ValidationError(
            "名录里有{n_rows}位“{text}”",
            "请改用编号（cadres list 的第一列）",
            params={"n_rows": len(rows), "text": text},
        )
    return rows[0]


def as_json(row) -> dict:
    """A roster row for ``--json`` and for the screen's details."""
    return {
        "id": row["id"],
        "name": row["name"],
        "phone": row["phone"],
        "role": row["role"],
        "role_label": ROLES.get(row["role"], row["role"]),
        "title": row["title"],
        "area": row["area"],
        "party_member": bool(row["party_member"]),
        "unit_code": row["unit_code"],
        "service_items": decoded_value(row, "service_items", JSON_COLUMNS) or [],
        "on_public_board": bool(row["on_public_board"]),
        "active": bool(row["active"]),
        "active_from": row["active_from"],
        "active_to": row["active_to"],
        "retired_reason": row["retired_reason"],
    }

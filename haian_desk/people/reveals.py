"""Showing a villager's full ID number or phone: recorded, with who, when and why.

Numbers are masked wherever others can see (``haian_desk.core.masking``). When a
clerk needs one in full (the detail's 显示完整号码) or a paper shows it (the
villager's own receipt, when the station chose so), that is a ``revealed``
event on the case, or on the villager when no case is open: the timeline
shows it, and it travels to the township like any other event. The event says
which numbers were shown, where and why, never the numbers themselves.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from haian_desk.core.errors import N_, NotFound, ValidationError
from haian_desk.events.records import required_text

if TYPE_CHECKING:
    from haian_desk.desk import Desk

WHAT = {"id_number": "身份证号", "phone": "电话"}
WHERE = {"screen": N_("屏幕上"), "paper": N_("纸面上")}
# Offered in the "why" dialog; any other reason can be typed.
COMMON_REASONS = ("核对群众身份", "电话联系群众", "填写上级部门要求的表格", "群众本人要求")


def check(payload: dict) -> None:
    """The rule for a ``revealed`` event, wherever it is folded (case or villager)."""
    what = payload.get("what")
    if not isinstance(what, list) or not what or any(w not in WHAT for w in what):
        raise ValidationError("请说明显示了哪些号码", field="what")
    if payload.get("where") not in WHERE:
        raise ValidationError("请说明号码显示在哪里（屏幕或纸面）", field="where")
    required_text(payload, "reason", "显示完整号码的原因", "例如：核对群众身份")


def describe(payload: dict) -> str:
    shown = "、".join(WHAT.get(w, w) for w in payload.get("what") or [])
    return f"{WHERE.get(str(payload.get('where')), '')}显示完整{shown}；原因：{payload.get('reason') or ''}"


def reveal(
    desk: Desk,
    actor: str,
    *,
    reason: str,
    case_id: str | None = None,
    villager_id: str | None = None,
    what: tuple[str, ...] = ("id_number", "phone"),
    where: str = "screen",
) -> None:
    """Record that the full numbers are shown (before they are): on the case if one is open."""
    payload = {"what": list(what), "where": where, "reason": " ".join(str(reason or "").split())}
    check(payload)
    stream, stream_id = ("case", case_id) if case_id else ("villager", villager_id)
    table = "cases" if stream == "case" else "villagers"
    with desk.db.write() as conn:
        if not stream_id or not conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (stream_id,)).fetchone():
            raise NotFound("找不到这件办件或这位群众", "请重新打开后再试")
        desk.ledger.record(conn, stream, stream_id, "revealed", payload, actor)


def history(desk: Desk, *, case_id: str | None = None, villager_id: str | None = None) -> list[dict]:
    """Every reveal of this case's or villager's numbers (a villager's include their cases')."""
    if case_id:
        sql, params = "stream = 'case' AND stream_id = ?", list[str | None]([case_id])
    else:
        sql = (
            "(stream = 'villager' AND stream_id = ?) OR (stream = 'case' AND stream_id IN "
            "(SELECT id FROM cases WHERE villager_id = ?))"
        )
        params = [villager_id, villager_id]
    rows = desk.db.query(
        f"SELECT actor, wall_time, payload FROM events WHERE type = 'revealed' AND ({sql}) ORDER BY seq", params
    )
    return [{"actor": r["actor"], "at": r["wall_time"], **json.loads(r["payload"])} for r in rows]

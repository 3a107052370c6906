"""Complaints about handling (举报) from the county and township hotlines.

A complaint is a 'complaint' record: received (channel, the case and cadre
concerned, what was said), investigated (what was found and done, as often
as needed), closed with a result. It counts in the assessment of the cadre
concerned and the station of the matter concerned (docs/assessment.md).
Whoever complained is kept out of sight: screens show the name and phone masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import from_iso, to_iso
from haian_desk.events.records import required_text
from haian_desk.people.phone import parse_phone
from haian_desk.storage.eventlog import Event
from haian_desk.storage.reading import Rows, sqlite_rows

if TYPE_CHECKING:
    from haian_desk.desk import Desk

CHANNELS = {
    "county_hotline": "县举报电话",
    "township_hotline": "镇举报电话",
    "letter": "来信",
    "visit": "来访",
    "online": "网上举报",
}
STATUSES = {"received": "已登记", "investigating": "核查中", "closed": "已办结"}
RESULTS = {"upheld": "属实", "partly": "部分属实", "unfounded": "不属实"}
JSON_COLUMNS: tuple[str, ...] = ()


# --- projection --------------------------------------------------------------------------


def apply(state: dict | None, event: Event) -> dict:
    p = event.payload
    if event.type == "received":
        if state is not None:
            raise RuleRefused("这件举报已经登记过")
        return _received(event)
    if state is None:
        raise RuleRefused("没有这件举报的记录")
    if state["status"] == "closed":
        raise RuleRefused("这件举报已经办结", "如有新情况，请另行登记一件举报")
    new = dict(state)
    if event.type == "investigated":
        new.update(
            findings=required_text(p, "findings", "核查情况"),
            actions=(p.get("actions") or "").strip() or None,
            status="investigating",
        )
    elif event.type == "closed":
        result = p.get("result")
        if result not in RESULTS:
            raise ValidationError("请选择办理结果：" + "、".join(RESULTS.values()), field="result")
        findings = (p.get("findings") or "").strip() or state["findings"]
        if not findings:
            raise ValidationError("办结前请写明核查情况", field="findings")
        new.update(
            result=result,
            findings=findings,
            actions=(p.get("actions") or "").strip() or state["actions"],
            status="closed",
            closed_at=event.wall_time,
        )
    else:
        raise ValidationError("未知的举报事件：{type}", params={"type": event.type})
    return new


def _received(event: Event) -> dict:
    p = event.payload
    channel = p.get("channel")
    if channel not in CHANNELS:
        raise ValidationError("请选择举报渠道：" + "、".join(CHANNELS.values()), field="channel")
    received_at = to_iso(from_iso(p.get("received_at") or event.wall_time))
    if received_at > event.wall_time:
        raise ValidationError("收到举报的时间不能晚于现在", field="received_at")
    return {
        "id": event.stream_id,
        "unit_code": required_text(p, "unit_code", "所在单位"),
        "received_at": received_at,
        "channel": channel,
        "case_id": p.get("case_id") or None,
        "cadre_id": p.get("cadre_id") or None,
        "complainant": (p.get("complainant") or "").strip() or None,
        "complainant_phone": p.get("complainant_phone") or None,
        "content": required_text(p, "content", "举报内容"),
        "status": "received",
        "findings": None,
        "actions": None,
        "result": None,
        "closed_at": None,
        "created_at": event.wall_time,
    }


# --- operations --------------------------------------------------------------------------


@dataclass
class ComplaintInput:
    channel: str
    content: str
    case_no: str = ""  # the matter concerned, if any
    cadre_id: str | None = None  # the cadre concerned (default: the matter's responsible cadre)
    complainant: str = ""
    complainant_phone: str = ""
    received_at: str | None = None  # when the hotline took it (default: now)


def receive(desk: Desk, actor: str, complaint: ComplaintInput) -> str:
    with desk.db.write() as conn:
        case = _case(conn, complaint.case_no)
        cadre_id = complaint.cadre_id or (case["responsible_cadre_id"] if case else None)
        cadre = _cadre(conn, cadre_id)
        unit = (
            (case["unit_code"] if case else None)
            or (cadre["unit_code"] if cadre else None)
            or desk.installation.unit_code
        )
        complaint_id = uuid7()
        desk.ledger.record(
            conn,
            "complaint",
            complaint_id,
            "received",
            {
                "channel": complaint.channel,
                "content": complaint.content,
                "unit_code": unit,
                "case_id": case["id"] if case else None,
                "cadre_id": cadre_id,
                "complainant": complaint.complainant,
                "complainant_phone": parse_phone(complaint.complainant_phone)
                if complaint.complainant_phone.strip()
                else None,
                "received_at": complaint.received_at or to_iso(desk.now()),
            },
            actor,
        )
    return complaint_id


def investigate(desk: Desk, actor: str, complaint_id: str, findings: str, actions: str = "") -> None:
    _record(desk, actor, complaint_id, "investigated", {"findings": findings, "actions": actions})


def close(desk: Desk, actor: str, complaint_id: str, result: str, findings: str = "", actions: str = "") -> None:
    _record(desk, actor, complaint_id, "closed", {"result": result, "findings": findings, "actions": actions})


def _record(desk: Desk, actor: str, complaint_id: str, event_type: str, payload: dict) -> None:
    with desk.db.write() as conn:
        if not conn.execute("SELECT 1 FROM complaints WHERE id = ?", (complaint_id,)).fetchone():
            raise NotFound("找不到这件举报", "请从举报列表中重新选择")
        desk.ledger.record(conn, "complaint", complaint_id, event_type, payload, actor)


def _case(conn, case_no: str):
    if not case_no.strip():
        return None
    row = conn.execute(
        "SELECT id, unit_code, responsible_cadre_id FROM cases WHERE case_no = ?", (case_no.strip(),)
    ).fetchone()
    if row is None:
        raise NotFound(
            "没有编号为 {case_no} 的办件",
            "请核对被举报的办件编号，或留空",
            params={"case_no": case_no.strip()},
        )
    return row


def _cadre(conn, cadre_id: str | None):
    if not cadre_id:
        return None
    row = conn.execute("SELECT id, unit_code FROM cadres WHERE id = ?", (cadre_id,)).fetchone()
    if row is None:
        raise NotFound("找不到被举报的代理员", "请从代理员名录中选择")
    return row


# --- reading -----------------------------------------------------------------------------

_LIST = (
    "SELECT k.*, c.case_no, d.name AS cadre_name FROM complaints k "
    "LEFT JOIN cases c ON c.id = k.case_id LEFT JOIN cadres d ON d.id = k.cadre_id"
)


def complaints(desk: Desk, status: str | None = None, open_only: bool = False) -> list:
    if status and status not in STATUSES:
        raise ValidationError("没有“{status}”这种举报状态", field="status", params={"status": status})
    where, params = "1 = 1", []
    if status:
        where, params = "k.status = ?", [status]
    elif open_only:
        where = "k.status != 'closed'"
    return desk.db.query(f"{_LIST} WHERE {where} ORDER BY k.status = 'closed', k.received_at DESC", tuple(params))


def get(desk: Desk, complaint_id: str):
    row = desk.db.one(f"{_LIST} WHERE k.id = ?", (complaint_id,))
    if row is None:
        raise NotFound("找不到这件举报")
    return row


@dataclass(frozen=True)
class Counted:
    unit_code: str
    cadre_id: str | None
    result: str | None  # None: not closed when the period ended


def received_in(desk: Desk, start: str, end: str) -> list[Counted]:
    """Complaints received in [start, end), with their result as it stood at ``end``."""
    with sqlite_rows(desk.db) as rows:
        return received_in_rows(rows, start, end)


def received_in_rows(rows: Rows, start: str, end: str) -> list[Counted]:
    """``received_in`` on either database a hub keeps (haian_desk/storage/reading.py)."""
    found = rows(
        "SELECT unit_code, cadre_id, result, closed_at FROM complaints "
        "WHERE received_at >= {start} AND received_at < {end}",
        {"start": start, "end": end},
    )
    return [
        Counted(r["unit_code"], r["cadre_id"], r["result"] if r["closed_at"] and r["closed_at"] < end else None)
        for r in found
    ]

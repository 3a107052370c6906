"""Who may do what: each role's operations, written once and checked where data changes.

The UI hides what a user may not do, but the rule lives here: every local
change goes through ``Ledger.record`` (which calls ``require_event``) or an
operation that calls ``require`` itself (logins, settings). An actor that is
not a login of this installation, or whose login was stopped, is refused.

Roles, from the proxy network's own division of work:

- 代理站工作人员 (station_staff, the clerk at the counter): takes matters in,
  handles them to the end, keeps the villagers' roll, paired support,
  meetings, takes complaints in, prints papers, reveals a number with a reason.
- 站长 (station_head): all of that, and what a station's head answers for:
  investigating and closing complaints about the station's handling (a clerk
  must not judge a complaint about their own work), keeping the cadre directory,
  importing the station's old spreadsheets (and undoing an import): hundreds of
  records at once is the head's call, not the counter's.
- 代理中心工作人员 (township_staff): at a township centre, its own walk-ins
  and everything above a station: receiving matters sent up, sending them on,
  settling conflicts between levels, the cadre directory, complaints.
- 管理员 (admin): everything, including logins, settings and the catalogue.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from haian_desk.core.errors import N_, HaianError

if TYPE_CHECKING:
    from haian_desk.desk import Desk

SYSTEM_ACTOR = "system"  # set-up only: seeding the shipped catalogue before any login exists

ROLES = {
    "station_staff": "代理站工作人员",
    "station_head": "站长",
    "township_staff": "代理中心工作人员",
    "admin": "管理员",
}

# Operation → what it is, in words that finish "不能……" (N_: translated where a refusal is shown).
OPERATIONS = {
    "case.intake": N_("登记受理办件"),
    "case.handle": N_("办理办件"),
    "case.reopen": N_("重新办理已办结的办件"),
    "case.township": N_("接收、转送上报事项或裁定冲突"),
    "reveal": N_("查看完整的身份证号或手机号"),
    "villager.edit": N_("登记或修改群众信息"),
    "cadre.manage": N_("维护代理员名录"),
    "catalogue.edit": N_("修改事项目录"),
    "support.handle": N_("登记结对帮扶和走访"),
    "meeting.handle": N_("登记民意座谈"),
    "complaint.receive": N_("登记举报"),
    "complaint.handle": N_("调查或办结举报"),
    "users.manage": N_("添加、停用工作人员或重置密码"),
    "password.own": N_("修改自己的密码"),
    "settings.change": N_("修改本站设置"),
    "numbering.confirm": N_("确认离线编号"),
    "calendar.edit": N_("修改工作日历或时限规则"),
    "deadline.recompute": N_("按新日历重算办件期限"),
    "import.run": N_("从表格导入或撤销导入"),
    "audit.read": N_("查看审计记录（账号、设置的改动和完整号码的显示）"),
}

_CLERK = frozenset(
    {
        "case.intake",
        "case.handle",
        "reveal",
        "villager.edit",
        "support.handle",
        "meeting.handle",
        "complaint.receive",
        "password.own",
        "numbering.confirm",
        "case.reopen",
    }
)
_HEAD = _CLERK | {"cadre.manage", "complaint.handle"}
_TOWNSHIP = _HEAD | {"case.township"}

ALLOWED: dict[str, frozenset[str]] = {
    "station_staff": _CLERK,
    # Importing is the head's (and admin's), not the township staff's: it fills a station's own records.
    # So is reading the station's audit trail: the head answers for who did what at the station.
    "station_head": frozenset(_HEAD | {"import.run", "audit.read"}),
    "township_staff": frozenset(_TOWNSHIP),
    "admin": frozenset(OPERATIONS),
}
# The program itself: the shipped catalogue at set-up; a calendar published from the command line
# or received by sync, and the deadlines it moves (haian_desk.calendar).
_SYSTEM_ALLOWED = frozenset({"catalogue.edit", "calendar.edit", "deadline.recompute"})

# Events of a stream map to one operation, except the types named here.
_STREAM_OPERATION = {
    "case": "case.handle",
    "villager": "villager.edit",
    "cadre": "cadre.manage",
    "catalogue": "catalogue.edit",
    "pairing": "support.handle",
    "visit": "support.handle",
    "meeting": "meeting.handle",
    "complaint": "complaint.handle",
    "account": "users.manage",
    "settings": "settings.change",
    "calendar": "calendar.edit",
    "calendar_rule": "calendar.edit",
}
_EVENT_OPERATION = {
    ("case", "registered"): "case.intake",
    ("case", "accepted"): "case.intake",
    ("case", "reopened"): "case.reopen",
    ("case", "taken_up"): "case.township",
    ("case", "forwarded"): "case.township",
    ("case", "conflict_resolved"): "case.township",
    ("case", "revealed"): "reveal",
    ("case", "deadline_recomputed"): "deadline.recompute",
    ("villager", "revealed"): "reveal",
    ("complaint", "received"): "complaint.receive",
    ("account", "password_changed"): "password.own",
    ("settings", "offline_confirmed"): "numbering.confirm",
}


class NotPermitted(HaianError):
    """The actor may not do this here; nothing was written."""


def operation_for(stream: str, event_type: str) -> str:
    return _EVENT_OPERATION.get((stream, event_type)) or _STREAM_OPERATION[stream]


def may(role: str, operation: str) -> bool:
    """For a UI deciding what to offer; the operations check for themselves."""
    return operation in ALLOWED.get(role, ())


def require(conn: sqlite3.Connection, actor: str, operation: str) -> str:
    """The actor's role if they may do ``operation`` now; raises NotPermitted otherwise."""
    if actor == SYSTEM_ACTOR or not actor:
        return _judge(None, actor, operation)
    row = conn.execute("SELECT role, active FROM users WHERE username = ?", (actor,)).fetchone()
    return _judge(row, actor, operation)


def require_reading(desk: Desk, actor: str, operation: str) -> str:
    """``require`` for an operation that only reads (no transaction to hold it in)."""
    row = desk.db.one("SELECT role, active FROM users WHERE username = ?", (actor,)) if actor else None
    return _judge(row, actor, operation)


def _judge(row, actor: str, operation: str) -> str:
    doing = OPERATIONS[operation]
    if not actor:
        raise NotPermitted(
            "没有说明是谁在{doing}", "命令行请加 --actor 登录名（或 --as 登录名）", params={"doing": doing}
        )
    if actor == SYSTEM_ACTOR:
        if operation in _SYSTEM_ALLOWED:
            return SYSTEM_ACTOR
        raise NotPermitted("系统不能代替工作人员{doing}", "请用本人的账号登录后再办", params={"doing": doing})
    if row is None:
        raise NotPermitted(
            "“{actor}”不是本站的账号，不能{doing}", "请用本站的账号登录后再办", params={"actor": actor, "doing": doing}
        )
    if not row["active"]:
        raise NotPermitted(
            "账号“{actor}”已停用，不能{doing}", "请用在用的账号登录", params={"actor": actor, "doing": doing}
        )
    if operation not in ALLOWED[row["role"]]:
        raise NotPermitted(
            "{value}不能{doing}",
            "请{who_may}办理",
            params={"value": ROLES[row["role"]], "doing": doing, "who_may": _who_may(operation)},
        )
    return row["role"]


def require_event(conn: sqlite3.Connection, actor: str, stream: str, event_type: str) -> str:
    return require(conn, actor, operation_for(stream, event_type))


def _who_may(operation: str) -> list[str]:
    """The roles that may, as a list: each is translated and the list joined where it is shown."""
    return [ROLES[role] for role, allowed in ALLOWED.items() if operation in allowed]

"""The audit trail of logins and settings: events like a case's, without secrets.

Every change to a login (added, role changed, password reset or changed,
stopped, started again) is an ``account`` event and every change of settings a
``settings`` event, each with its actor and time, written in the same
transaction as the change itself (``haian_desk.people.users``,
``haian_desk.station_settings``).

What travels: these events go up to the township like every other event of the
station. That is deliberate: a trail kept only on the PC it describes can be
wiped together with it, and the township keeps what a station's recovery
brings back. What never travels: a password or its hash (the ``users`` table
stays local; a password event says only *that* it changed and who did it).

Each stream folds into a small projection (``accounts``, ``settings_log``)
so a rebuild from the log gives the same rows, as for every other stream.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from haian_desk.core.errors import N_, Message, RuleRefused, ValidationError
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

ACCOUNT_JSON_COLUMNS: tuple[str, ...] = ()
SETTINGS_JSON_COLUMNS = ("current",)

ACCOUNT_EVENTS = {
    "created": N_("添加账号"),
    "recreated": N_("重新添加账号"),  # a name the trail already knows (a station rebuilt from its township)
    "role_changed": N_("更改角色"),
    "password_reset": N_("重置密码"),
    "password_changed": N_("本人修改密码"),
    "stopped": N_("停用账号"),
    "restarted": N_("重新启用账号"),
    "renamed": N_("更改显示名"),
    "cadre_linked": N_("关联代理员"),
}
SETTINGS_EVENTS = {"changed": N_("修改设置"), "offline_confirmed": N_("恢复后确认离线编号")}
_SECRETS = ("password", "password_hash", "hash", "secret")


def account_id(installation_id: str, username: str) -> str:
    """A login's stream id: unique across the network (usernames repeat between stations)."""
    return f"{installation_id}:{username}"


def check_no_secret(payload: dict) -> None:
    """A travelling event must never carry a password or its hash, whoever writes it."""
    if any(key in payload for key in _SECRETS):
        raise ValidationError("审计记录里不能带密码", "这是程序的错误，请报告")


def apply_account(state: dict | None, event: Event) -> dict:
    check_no_secret(event.payload)
    if event.type not in ACCOUNT_EVENTS:
        raise ValidationError("未知的账号事件：{type}", params={"type": event.type})
    if event.type == "created":
        if state is not None:
            raise RuleRefused("该账号已存在")
        p = event.payload
        return {
            "id": event.stream_id,
            "unit_code": str(p.get("unit_code") or ""),
            "username": str(p.get("username") or ""),
            "display_name": str(p.get("display_name") or ""),
            "role": str(p.get("role") or ""),
            "cadre_id": p.get("cadre_id"),
            "active": 1,
            "password_set_at": event.wall_time,
            "created_at": event.wall_time,
        }
    if state is None:
        raise RuleRefused("该账号不存在")
    new = dict(state)
    if event.type == "recreated":
        p = event.payload
        new.update(
            display_name=str(p.get("display_name") or ""),
            role=str(p.get("role") or ""),
            cadre_id=p.get("cadre_id"),
            active=1,
            password_set_at=event.wall_time,
        )
    elif event.type == "role_changed":
        new["role"] = str(event.payload.get("role") or "")
    elif event.type == "cadre_linked":
        new["cadre_id"] = event.payload.get("cadre_id")
    elif event.type == "renamed":
        new["display_name"] = str(event.payload.get("display_name") or "")
    elif event.type in ("password_reset", "password_changed"):
        new["password_set_at"] = event.wall_time
    else:
        new["active"] = int(event.type == "restarted")
    return new


def apply_settings(state: dict | None, event: Event) -> dict:
    if event.type not in SETTINGS_EVENTS:
        raise ValidationError("未知的设置事件：{type}", params={"type": event.type})
    changes = event.payload.get("changes")
    if not isinstance(changes, dict) or not changes:
        raise ValidationError("设置记录里没有改了什么")
    check_no_secret(changes)
    new: dict[str, Any] = (
        dict(state)
        if state
        else {
            "id": event.stream_id,
            "current": {},
            "created_at": event.wall_time,
            "unit_code": str(event.payload.get("unit_code") or ""),
        }
    )
    new["current"] = {**new["current"], **changes}
    return new


def history(desk: Desk, limit: int = 200) -> list[dict]:
    """Changes to logins and settings here, newest first: who, when, what."""
    rows = desk.db.query(
        "SELECT stream, stream_id, type, actor, wall_time, payload FROM events "
        "WHERE stream IN ('account', 'settings') AND origin = ? ORDER BY seq DESC LIMIT ?",
        (desk.installation.id, limit),
    )
    return [{"what": str(_describe(r)), "actor": r["actor"], "at": r["wall_time"]} for r in rows]


# -- the trail as an admin or the station head reads it ---------------------------------------------

# Whose full numbers were shown: the case's number and the villager's masked name, never the numbers.
_REVEALS_SQL = (
    "SELECT e.seq, e.stream, e.stream_id, e.type, e.actor, e.wall_time, e.payload, "
    "coalesce(c.case_no, '') AS case_no, coalesce(vc.name, vv.name, '') AS villager "
    "FROM events e LEFT JOIN cases c ON e.stream = 'case' AND c.id = e.stream_id "
    "LEFT JOIN villagers vc ON vc.id = c.villager_id "
    "LEFT JOIN villagers vv ON e.stream = 'villager' AND vv.id = e.stream_id "
    "WHERE e.type = 'revealed' ORDER BY e.seq DESC LIMIT ?"
)  # only cases and villagers have reveals
_CHANGES_SQL = (
    "SELECT seq, stream, stream_id, type, actor, wall_time, payload, '' AS case_no, '' AS villager "
    "FROM events WHERE stream IN ('account', 'settings') AND origin = ? ORDER BY seq DESC LIMIT ?"
)


def trail(desk: Desk, actor: str, limit: int = 300) -> list[dict]:
    """Who changed logins, roles, passwords or settings here, and who was shown full numbers: newest first.

    Read-only; only those who answer for the station may read it (``audit.read``:
    the station head and admins). Nothing in it shows a villager's name or number
    in clear: a reveal names the case and the villager's masked name, and the
    reason a clerk typed is masked as the log is.
    """
    from haian_desk.people import permissions

    permissions.require_reading(desk, actor, "audit.read")
    rows = [*desk.db.query(_CHANGES_SQL, (desk.installation.id, limit)), *desk.db.query(_REVEALS_SQL, (limit,))]
    rows.sort(key=lambda r: r["seq"], reverse=True)
    return [{"at": r["wall_time"], "actor": r["actor"], "kind": _kind(r), "what": _describe(r)} for r in rows[:limit]]


def _kind(row) -> str:
    if row["type"] == "revealed":
        return N_("显示完整号码")
    return N_("设置") if row["stream"] == "settings" else N_("账号")


def _describe(row) -> Message:
    """What happened, as words the interface translates (template and parameters)."""
    payload = json.loads(row["payload"])
    if row["type"] == "revealed":
        return _describe_reveal(row, payload)
    if row["stream"] == "settings" and row["type"] != "changed":
        return Message(SETTINGS_EVENTS.get(row["type"], row["type"]))
    if row["stream"] == "settings":
        lines = [_setting_line(key, value) for key, value in sorted(payload.get("changes", {}).items())]
        return Message("修改设置：{changes}", {"changes": lines})
    username = row["stream_id"].split(":", 1)[-1]
    event = ACCOUNT_EVENTS.get(row["type"], row["type"])
    if "role" in payload:
        return Message(
            "{event} {username}（{role}）", {"event": event, "username": username, "role": _role_name(payload["role"])}
        )
    return Message("{event} {username}", {"event": event, "username": username})


def _setting_line(key: str, value) -> Message:
    from haian_desk.setting_labels import LABELS

    label = LABELS.get(key, key)
    if key == "idle_lock_seconds" and isinstance(value, int) and value % 60 == 0:
        return Message("{label} → {minutes} 分钟", {"label": label, "minutes": value // 60})
    if isinstance(value, bool):
        return Message("{label} → {value}", {"label": label, "value": N_("是") if value else N_("否")})
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return Message("{label} → {value}", {"label": label, "value": shown[:40]})


def _role_name(role: str) -> str:
    from haian_desk.people.permissions import ROLES

    return ROLES.get(role, role)


def _describe_reveal(row, payload: dict) -> Message:
    from haian_desk.core.logs import redact
    from haian_desk.core.masking import mask_name
    from haian_desk.people import reveals

    shown = Message(
        "{where}显示完整{what}",
        {
            # a Message, so the screen shows "on screen" / "on paper" in the reader's language
            "where": Message(reveals.WHERE[where]) if (where := payload.get("where")) in reveals.WHERE else "",
            "what": [reveals.WHAT.get(w, w) for w in payload.get("what") or []],
        },
    )
    params = {
        "whose": mask_name(row["villager"]) or N_("（群众）"),
        "shown": shown,
        "reason": redact(str(payload.get("reason") or "")),
    }
    if row["case_no"]:
        return Message("办件 {case_no}，{whose}：{shown}；原因：{reason}", {"case_no": row["case_no"], **params})
    return Message("{whose}：{shown}；原因：{reason}", params)

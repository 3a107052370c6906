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

from typing import TYPE_CHECKING, Any

import json

from haian_desk.core.errors import RuleRefused, ValidationError
from haian_desk.storage.eventlog import Event

if TYPE_CHECKING:
    from haian_desk.desk import Desk

ACCOUNT_JSON_COLUMNS: tuple[str, ...] = ()
SETTINGS_JSON_COLUMNS = ("current",)

ACCOUNT_EVENTS = {
    "created": "添加账号",
    "recreated": "重新添加账号",  # a name the trail already knows (a station rebuilt from its township)
    "role_changed": "更改角色",
    "password_reset": "重置密码",
    "password_changed": "本人修改密码",
    "stopped": "停用账号",
    "restarted": "重新启用账号",
    "renamed": "更改显示名",
    "cadre_linked": "关联代理员",
}
SETTINGS_EVENTS = {"changed": "修改设置", "offline_confirmed": "恢复后确认离线编号"}
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
        return {"id": event.stream_id, "unit_code": str(p.get("unit_code") or ""),
                "username": str(p.get("username") or ""), "display_name": str(p.get("display_name") or ""),
                "role": str(p.get("role") or ""), "cadre_id": p.get("cadre_id"), "active": 1,
                "password_set_at": event.wall_time, "created_at": event.wall_time}
    if state is None:
        raise RuleRefused("该账号不存在")
    new = dict(state)
    if event.type == "recreated":
        p = event.payload
        new.update(display_name=str(p.get("display_name") or ""), role=str(p.get("role") or ""),
                   cadre_id=p.get("cadre_id"), active=1, password_set_at=event.wall_time)
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
    new: dict[str, Any] = dict(state) if state else {"id": event.stream_id, "current": {}, "created_at": event.wall_time,
                                     "unit_code": str(event.payload.get("unit_code") or "")}
    new["current"] = {**new["current"], **changes}
    return new


def history(desk: Desk, limit: int = 200) -> list[dict]:
    """Changes to logins and settings here, newest first: who, when, what."""
    rows = desk.db.query(
        "SELECT stream, stream_id, type, actor, wall_time, payload FROM events "
        "WHERE stream IN ('account', 'settings') AND origin = ? ORDER BY seq DESC LIMIT ?",
        (desk.installation.id, limit))
    return [{"what": _describe(r), "actor": r["actor"], "at": r["wall_time"]} for r in rows]


def _describe(row) -> str:
    payload = json.loads(row["payload"])
    if row["stream"] == "settings":
        return "修改设置：" + "、".join(sorted(payload.get("changes", {})))
    username = row["stream_id"].split(":", 1)[-1]
    extra = f"（{payload['role']}）" if "role" in payload else ""
    return f"{ACCOUNT_EVENTS.get(row['type'], row['type'])} {username}{extra}"

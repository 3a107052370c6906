"""Users of this installation and their roles; passwords kept only as scrypt hashes.

Users are local to the installation (the table never syncs, and no password
or hash ever leaves it): each station sets up its own logins. Every change to
a login is also an ``account`` event (``haian_desk.events.audit``), which does travel.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.core.errors import HaianError, NotFound, ValidationError
from haian_desk.core.timeutil import now_utc, to_iso
from haian_desk.events import audit
from haian_desk.people import permissions

if TYPE_CHECKING:
    from haian_desk.desk import Desk

ROLES = permissions.ROLES

# scrypt cost: n=2**14, r=8 takes ~50 ms on an old PC: slow for guessing, fine for a login.
_N, _R, _P = 2**14, 8, 1
MIN_PASSWORD = 6


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    cadre_id: str | None


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    actual = hashlib.scrypt(
        password.encode(),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(base64.b64decode(digest)),
    )
    return hmac.compare_digest(actual, base64.b64decode(digest))


def add_user(
    desk: Desk,
    username: str,
    display_name: str,
    role: str,
    password: str,
    cadre_id: str | None = None,
    *,
    actor: str | None = None,
) -> User:
    """Add a login. ``actor`` is the admin adding it; only the very first login of
    an installation (its admin, made at set-up) is added with no actor."""
    username = username.strip()
    if not username:
        raise ValidationError("请填写登录名", field="username")
    if username == permissions.SYSTEM_ACTOR:
        raise ValidationError(
            "“{username}”是程序保留的名字", "请换一个登录名", field="username", params={"username": username}
        )
    if role not in ROLES:
        raise ValidationError("角色应为：" + "、".join(ROLES.values()), field="role")
    if len(password) < MIN_PASSWORD:
        raise ValidationError("密码至少{MIN_PASSWORD}位", field="password", params={"MIN_PASSWORD": MIN_PASSWORD})
    hashed = hash_password(password)
    name = display_name.strip() or username
    with desk.db.write() as conn:
        if actor is None:
            _require_first_login(conn, role)
        if conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
            raise ValidationError(
                "登录名“{username}”已被使用", "请换一个登录名", field="username", params={"username": username}
            )
        conn.execute(
            "INSERT INTO users (username, display_name, role, password_hash, cadre_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (username, name, role, hashed, cadre_id, to_iso(now_utc())),
        )
        known = conn.execute(
            "SELECT 1 FROM accounts WHERE id = ?", (audit.account_id(desk.installation.id, username),)
        ).fetchone()
        _audit(
            desk,
            conn,
            actor or username,
            username,
            "recreated" if known else "created",
            {
                "username": username,
                "display_name": name,
                "role": role,
                "cadre_id": cadre_id,
                "unit_code": desk.installation.unit_code,
            },
        )
    return User(username, name, role, cadre_id)


def _require_first_login(conn, role: str) -> None:
    if conn.execute("SELECT 1 FROM users").fetchone():
        raise permissions.NotPermitted("添加工作人员须由管理员操作", "请用管理员账号登录后添加")
    if role != "admin":
        raise ValidationError("本站的第一个账号应为管理员", field="role")


def _audit(desk: Desk, conn, actor: str, username: str, event_type: str, payload: dict) -> None:
    """The login change as an event, in the caller's transaction (never the password)."""
    desk.ledger.record(conn, "account", audit.account_id(desk.installation.id, username), event_type, payload, actor)


def authenticate(desk: Desk, username: str, password: str) -> User:
    row = desk.db.one("SELECT * FROM users WHERE username = ? AND active = 1", (username.strip(),))
    if row is None or not verify_password(password, row["password_hash"]):
        raise HaianError("登录名或密码不对", "请重新输入；忘记密码请找本站管理员重置")
    return _user(row)


def get(desk: Desk, username: str) -> User:
    row = desk.db.one("SELECT * FROM users WHERE username = ?", (username,))
    if row is None:
        raise NotFound("没有用户“{username}”", params={"username": username})
    return _user(row)


def require_role(desk: Desk, username: str, role: str, doing: str) -> User:
    user = get(desk, username)
    if not desk.db.scalar("SELECT active FROM users WHERE username = ?", (username,)):
        raise HaianError("账号“{username}”已停用", "请用在用的账号登录", params={"username": username})
    if user.role != role:
        raise HaianError(
            "只有{value}可以{doing}", "请用有权限的账号登录", params={"value": ROLES[role], "doing": doing}
        )
    return user


def _user(row) -> User:
    return User(row["username"], row["display_name"], row["role"], row["cadre_id"])


def reset_password(desk: Desk, actor: str, username: str, new_password: str) -> None:
    """An admin sets a new password for a login (a clerk who forgot theirs)."""
    _check_password(new_password)
    hashed = hash_password(new_password)
    with desk.db.write() as conn:
        permissions.require(conn, actor, "users.manage")
        if conn.execute("UPDATE users SET password_hash = ? WHERE username = ?", (hashed, username)).rowcount == 0:
            raise NotFound("没有用户“{username}”", params={"username": username})
        _audit(desk, conn, actor, username, "password_reset", {})


def change_own_password(desk: Desk, username: str, old_password: str, new_password: str) -> None:
    """A user changes their own password, proving they know the old one."""
    authenticate(desk, username, old_password)
    _check_password(new_password)
    hashed = hash_password(new_password)
    with desk.db.write() as conn:
        conn.execute("UPDATE users SET password_hash = ? WHERE username = ?", (hashed, username))
        _audit(desk, conn, username, username, "password_changed", {})


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("密码至少{MIN_PASSWORD}位", field="password", params={"MIN_PASSWORD": MIN_PASSWORD})


def set_role(desk: Desk, actor: str, username: str, role: str) -> None:
    """An admin gives a login another role; the last active admin keeps theirs."""
    if role not in ROLES:
        raise ValidationError("角色应为：" + "、".join(ROLES.values()), field="role")
    with desk.db.write() as conn:
        permissions.require(conn, actor, "users.manage")
        row = conn.execute("SELECT role FROM users WHERE username = ?", (username,)).fetchone()
        if row is None:
            raise NotFound("没有用户“{username}”", params={"username": username})
        if row["role"] == role:
            return
        if row["role"] == "admin" and _active_admins(conn) <= 1:
            raise HaianError("这是本站唯一在用的管理员", "请先把另一个账号设为管理员")
        conn.execute("UPDATE users SET role = ? WHERE username = ?", (role, username))
        _audit(desk, conn, actor, username, "role_changed", {"role": role})


def _active_admins(conn) -> int:
    return conn.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]


def set_active(desk: Desk, actor: str, username: str, active: bool) -> None:
    """Stop (or allow again) a login.

    The actor must be an active admin and cannot stop their own login, so the
    station always keeps at least one admin who can log in.
    """
    with desk.db.write() as conn:
        permissions.require(conn, actor, "users.manage")
        row = conn.execute("SELECT role, active FROM users WHERE username = ?", (username,)).fetchone()
        if row is None:
            raise NotFound("没有用户“{username}”", params={"username": username})
        if not active and username == actor:
            raise HaianError("不能停用自己正在使用的账号", "请用另一个管理员账号操作")
        if bool(row["active"]) == active:
            return
        conn.execute("UPDATE users SET active = ? WHERE username = ?", (int(active), username))
        _audit(desk, conn, actor, username, "restarted" if active else "stopped", {})


def link_cadre(desk: Desk, actor: str, username: str, cadre_id: str | None) -> None:
    """Link a login to the cadre who uses it (None: unlink), so the counter knows who is serving.

    Only an admin may do it; the cadre must be on the roster and serving.
    """
    require_role(desk, actor, "admin", "把账号关联到代理员")
    with desk.db.write() as conn:
        if cadre_id:
            row = conn.execute("SELECT name, active FROM cadres WHERE id = ?", (cadre_id,)).fetchone()
            if row is None:
                raise NotFound("找不到这位代理员", "请从代理员名录中选择")
            if not row["active"]:
                raise HaianError("{name}已离任，不能关联", "请选择在任的代理员", params={"name": row["name"]})
        if conn.execute("UPDATE users SET cadre_id = ? WHERE username = ?", (cadre_id or None, username)).rowcount == 0:
            raise NotFound("没有用户“{username}”", params={"username": username})
        _audit(desk, conn, actor, username, "cadre_linked", {"cadre_id": cadre_id or None})


def cadre_of(desk: Desk, username: str) -> str | None:
    """The serving cadre linked to a login, if any (a retired cadre is no default for anything)."""
    return desk.db.scalar(
        "SELECT c.id FROM users u JOIN cadres c ON c.id = u.cadre_id WHERE u.username = ? AND c.active = 1", (username,)
    )

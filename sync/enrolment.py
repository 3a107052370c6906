"""Enrolment: how a station and its hub learn each other's keys, in three steps.

1. At the station, ``enrol request`` writes a request: its id, unit and public
   keys, signed with its own key (proof it holds the private half).
2. At the hub, ``hub enrol`` checks the request, records the station and writes
   an answer: the hub's id, unit and public keys, signed by the hub.
3. At the station, ``enrol accept`` checks the answer is for this installation
   and pins the hub's keys.

The files carry public keys and unit names only; they travel by hand (USB)
or by any channel, since each is signed and checked on arrival. The same three
steps link a township hub to the county hub.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk import network
from haian_desk.core.timeutil import to_iso
from haian_desk.network import Installation
from haian_desk.replication import sync_state
from haian_desk.replication.sync_state import CHILD, ENROLLED, PARENT, Peer
from sync import keys as keymod
from sync.errors import SyncError
from sync.keys import InstallationKeys

if TYPE_CHECKING:
    from haian_desk.desk import Desk

REQUEST = "haian-desk-enrol-request"
ANSWER = "haian-desk-enrol-answer"
VERSION = 1


def _canonical(body: dict) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _signed(body: dict, own: InstallationKeys) -> dict:
    return {**body, "signature": keymod.b64(own.sign(_canonical(body)))}


def _verified(document: dict, sign_key: str, what: str) -> dict:
    body = {k: v for k, v in document.items() if k != "signature"}
    try:
        signature = keymod.unb64(document.get("signature", ""))
    except ValueError:
        signature = b""
    if not keymod.verify(sign_key, signature, _canonical(body)):
        raise SyncError(
            "bad_enrolment", "{what}的签名不对，文件可能被改动过", "请让对方重新生成一份", params={"what": what}
        )
    return body


def _identity(desk: Desk, own: InstallationKeys) -> dict:
    return _identity_of(desk.installation, own)


def _identity_of(me: Installation, own: InstallationKeys) -> dict:
    return {
        "installation": me.id,
        "unit_code": me.unit_code,
        "unit_name": me.unit_name,
        "role": me.role,
        "sign_key": own.sign_public,
        "box_key": own.box_public,
    }


def make_request(desk: Desk, own: InstallationKeys) -> dict:
    return _signed({"format": REQUEST, "version": VERSION, **_identity(desk, own), "made_at": to_iso(desk.now())}, own)


def enrol(desk: Desk, own: InstallationKeys, request: dict, url: str | None = None) -> tuple[Peer, dict]:
    """At the hub: record the requesting installation and return the signed answer for it."""

    def save(child: Peer) -> Peer | None:
        with desk.db.write() as conn:
            other = sync_state.active_child_for_unit(conn, child.unit_code)
            if other is not None and other.id != child.id:
                return other
            sync_state.save_peer(conn, child)
        return None

    return enrol_with(desk.installation, to_iso(desk.now()), own, request, url, save)


def enrol_with(
    me: Installation,
    now: str,
    own: InstallationKeys,
    request: dict,
    url: str | None,
    save: Callable[[Peer], Peer | None],
) -> tuple[Peer, dict]:
    """``enrol`` for any hub's storage: ``save`` records the child, or returns the installation
    already holding its unit (and records nothing)."""
    body = _read(request, REQUEST, "登记申请")
    body = _verified(request, body["sign_key"], "登记申请")
    _check_child(me, body)
    child = Peer(
        id=body["installation"],
        relation=CHILD,
        unit_code=body["unit_code"],
        unit_name=body["unit_name"],
        role=body["role"],
        sign_key=body["sign_key"],
        box_key=body["box_key"],
        status=ENROLLED,
        enrolled_at=now,
    )
    other = save(child)
    if other is not None:
        raise SyncError(
            "unit_taken",
            "单位 {unit_code}（{unit_name}）已由另一台电脑登记",
            "如是换了电脑，请先注销旧的登记：haian-desk hub revoke {id}",
            params={"unit_code": child.unit_code, "unit_name": other.unit_name, "id": other.id},
        )
    answer = _signed(
        {
            "format": ANSWER,
            "version": VERSION,
            "hub": _identity_of(me, own),
            "url": url,
            "for": {"installation": child.id, "sign_key": child.sign_key},
            "enrolled_at": child.enrolled_at,
        },
        own,
    )
    return child, answer


def accept(desk: Desk, own: InstallationKeys, answer: dict, url: str | None = None, tls_ca: str | None = None) -> Peer:
    """At the station: pin the hub that answered."""
    peer = parent_from(desk.installation, own, answer, sync_state.parent(desk.db), url, tls_ca)
    with desk.db.write() as conn:
        sync_state.save_peer(conn, peer)
    return peer


def parent_from(
    me: Installation,
    own: InstallationKeys,
    answer: dict,
    current: Peer | None,
    url: str | None = None,
    tls_ca: str | None = None,
) -> Peer:
    """The parent an answer names, checked against who we are (any storage: a PostgreSQL hub
    saves it with sync.pg_enrolment)."""
    body = _read(answer, ANSWER, "登记答复")
    hub = body.get("hub") or {}
    body = _verified(answer, str(hub.get("sign_key", "")), "登记答复")
    meant_for = body.get("for") or {}
    if meant_for.get("installation") != me.id or meant_for.get("sign_key") != own.sign_public:
        raise SyncError("not_for_me", "这份登记答复是给另一台电脑的，不是本机", "请用本机生成的登记申请去办理")
    if not network.may_enrol_under(str(hub.get("unit_code", "")), str(hub.get("role")), me.unit_code, me.role):
        raise SyncError(
            "wrong_hub",
            "“{hub}”不是本站的上级同步中心",
            "请找本站所属的代理中心办理登记",
            params={"hub": hub.get("unit_name")},
        )
    if current is not None and current.id != hub["installation"]:
        raise SyncError(
            "has_parent",
            "本机已登记在“{unit_name}”",
            "一台电脑只能登记在一个上级；如要更换，请联系原中心注销",
            params={"unit_name": current.unit_name},
        )
    return Peer(
        id=hub["installation"],
        relation=PARENT,
        unit_code=hub["unit_code"],
        unit_name=hub["unit_name"],
        role=hub["role"],
        sign_key=hub["sign_key"],
        box_key=hub["box_key"],
        url=url or body.get("url"),
        tls_ca=tls_ca,
        status=ENROLLED,
        enrolled_at=body["enrolled_at"],
    )


def revoke(desk: Desk, who: str) -> Peer:
    """At the hub: stop accepting an installation (by its id or its unit code); its data stays."""
    chosen = choose_child(sync_state.list_peers(desk.db, CHILD), who)
    with desk.db.write() as conn:
        sync_state.revoke(conn, chosen.id, to_iso(desk.now()))
    revoked = sync_state.get_peer(desk.db, chosen.id)
    assert revoked is not None  # found above, and a revoked peer keeps its row
    return revoked


def choose_child(children: list[Peer], who: str) -> Peer:
    """The enrolled installation ``who`` names (its id, or its unit code while active)."""
    matches = [p for p in children if p.id == who or (p.unit_code == who and p.active)]
    if not matches:
        raise SyncError(
            "no_such_station",
            "没有找到已登记的站点“{who}”",
            "用 haian-desk hub stations 查看登记的站点",
            params={"who": who},
        )
    if len(matches) > 1:
        raise SyncError("ambiguous", "“{who}”对应多台电脑", "请用安装编号指明要注销哪一台", params={"who": who})
    return matches[0]


def _check_child(me: Installation, body: dict) -> None:
    if me.role not in network.CHILD_ROLE:
        raise SyncError(
            "not_a_hub", "本机是代理站，不能为别的电脑办理登记", "登记应在镇（街道）代理中心或县级代理中心办理"
        )
    if not network.may_enrol_under(me.unit_code, me.role, body["unit_code"], body["role"]):
        raise SyncError(
            "not_our_unit",
            "“{unit_name}”（{unit_code}）不属于{unit_name2}",
            "只能为本中心下辖的站点办理登记",
            params={"unit_name": body["unit_name"], "unit_code": body["unit_code"], "unit_name2": me.unit_name},
        )
    try:
        network.check_unit_code(body["unit_code"], body["role"])
    except Exception as error:  # noqa: BLE001 - any bad code is the request's fault
        raise SyncError("not_our_unit", "登记申请里的单位代码不正确：{error}", params={"error": error}) from None


def _read(document: dict, expected: str, what: str) -> dict:
    if not isinstance(document, dict) or document.get("format") != expected:
        raise SyncError("bad_enrolment", "这不是{what}文件", "请检查选的文件", params={"what": what})
    if document.get("version") != VERSION:
        raise SyncError("bad_enrolment", "{what}的版本不受支持", "请双方都升级到最新版", params={"what": what})
    body = document.get("hub") if expected == ANSWER else document
    needed = ("installation", "unit_code", "unit_name", "role", "sign_key", "box_key")
    if not isinstance(body, dict) or not all(isinstance(body.get(k), str) and body.get(k) for k in needed):
        raise SyncError("bad_enrolment", "{what}的内容不全", "请让对方重新生成一份", params={"what": what})
    return document


def write_document(document: dict, path: Path) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_document(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SyncError("no_file", "找不到文件 {path}", params={"path": path}) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SyncError(
            "bad_enrolment", "{path} 不是登记文件（无法读取）", "请检查选的文件", params={"path": path}
        ) from None

"""A dead station rebuilt from its township: re-approval, then everything sent back.

1. On the new PC, ``recover request`` makes new keys and a signed request
   naming the station's unit code (the PC that knew the installation id is gone).
2. At the township, ``hub reapprove`` (an admin, by name) checks the request
   against the station it enrolled for that unit, replaces the station's keys
   with the new ones (the old key is refused from then on) and records the
   re-approval as an event at the hub. The answer names the station's
   installation id, so the station keeps its identity and its numbering.
3. On the new PC, ``recover --from-hub URL`` builds the station again from
   what the hub sends back (``/v1/recover``): every event the station ever
   sent up, and what concerns it from above (its cases' updates, the cadre
   directory, the catalogue). Nothing of another station comes back: villager
   records travel back only to the station that sent them. With ``--backup``
   the events of the station's last backup that never reached the hub are
   merged in too (and go up at the next sync). Projections are folded from the
   log, numbering floors and sync positions are set from what came back, and
   a first admin login is made (logins and passwords never travel).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk import network
from haian_desk.core import paths
from haian_desk.core.errors import SetupError
from haian_desk.core.ids import uuid7
from haian_desk.core.messages import cli_tr
from haian_desk.core.timeutil import now_utc, to_iso
from haian_desk.people import users
from haian_desk.replication import rebuild, sync_state
from haian_desk.replication.hub_backend import HubBackend
from haian_desk.replication.sync_state import CHILD, ENROLLED, PARENT, Peer
from haian_desk.storage.eventlog import Event
from sync import enrolment, keys as keymod
from sync.batch import Batch, seal
from sync.client import HubLink
from sync.errors import SyncError
from sync.inbox import open_batch
from sync.keys import InstallationKeys

if TYPE_CHECKING:
    from haian_desk.desk import Desk

REQUEST = "haian-desk-recover-request"
ANSWER = "haian-desk-recover-answer"
ROUTE = "/v1/recover"
PAGE = 2000


# -- 1. the request, on the new PC ----------------------------------------------------------


REBUILDABLE = ("station", "township")  # SQLite installations; a county and above keep PostgreSQL


def make_request(folder: Path, unit_code: str, role: str = "station") -> dict:
    """``role``: a station (rebuilt from its township) or a township hub (rebuilt from its county)."""
    if role not in REBUILDABLE:
        raise SetupError("只有代理站和镇中心可以这样恢复（现在是 {role}）", params={"role": role})
    network.check_unit_code(unit_code, role)
    _refuse_used(folder)
    folder.mkdir(parents=True, exist_ok=True)
    own = keymod.load_or_create(folder)
    body = {
        "format": REQUEST,
        "version": enrolment.VERSION,
        "unit_code": unit_code.strip(),
        "role": role,
        "sign_key": own.sign_public,
        "box_key": own.box_public,
        "made_at": to_iso(now_utc()),
    }
    return enrolment._signed(body, own)


def _refuse_used(folder: Path) -> None:
    if paths.database_path(folder).exists():
        raise SetupError("{folder} 里已经有数据库", "恢复要在一个空的数据目录里进行", params={"folder": folder})


# -- 2. re-approval, at the township --------------------------------------------------------


def reapprove(
    desk: Desk, own: InstallationKeys, request: dict, actor: str, url: str | None = None
) -> tuple[Peer, dict]:
    """Give the child of ``request``'s unit its new keys; returns the peer and the signed answer.

    ``desk``: a township's ``Desk`` or a PostgreSQL hub's ``HubDesk`` (the same statements, the
    same audit record): every refusal comes before the one write, so a refused request leaves
    nothing behind."""
    if not isinstance(request, dict) or request.get("format") != REQUEST:
        raise SyncError("bad_enrolment", "这不是恢复申请文件", "请让站点用 haian-desk recover request 生成")
    body = enrolment._verified(request, str(request.get("sign_key", "")), "恢复申请")
    station = _station_for(desk, str(body.get("unit_code", "")))
    _check_asking(station, body)
    renewed = Peer(
        id=station.id,
        relation=CHILD,
        unit_code=station.unit_code,
        unit_name=station.unit_name,
        role=station.role,
        sign_key=body["sign_key"],
        box_key=body["box_key"],
        status=ENROLLED,
        enrolled_at=to_iso(desk.now()),
    )
    with desk.db.write() as conn:
        sync_state.save_peer(conn, renewed)  # the old key is refused from now on
        desk.ledger.record(
            conn,
            "settings",
            desk.installation.id,
            "changed",
            {
                "unit_code": desk.installation.unit_code,
                "changes": {
                    f"station_key.{station.unit_code}": {
                        "installation": station.id,
                        "new_key": keymod.fingerprint(body["sign_key"]),
                        "old_key": keymod.fingerprint(station.sign_key),
                        "reason": "reapproved for recovery",
                    }
                },
            },
            actor,
        )
    answer = enrolment._signed(
        {
            "format": ANSWER,
            "version": enrolment.VERSION,
            "hub": enrolment._identity(desk, own),
            "url": url,
            "for": {
                "installation": station.id,
                "unit_code": station.unit_code,
                "unit_name": station.unit_name,
                "role": station.role,
                "sign_key": body["sign_key"],
            },
            "enrolled_at": renewed.enrolled_at,
        },
        own,
    )
    return renewed, answer


def _station_for(desk: Desk, unit_code: str) -> Peer:
    known = [p for p in sync_state.list_peers(desk.db, CHILD) if p.unit_code == unit_code]
    if not known:
        raise SyncError(
            "no_such_station",
            "本中心没有登记过单位 {unit_code}",
            "只能恢复在本中心登记过的站点；新站请走正常登记",
            params={"unit_code": unit_code},
        )
    active = [p for p in known if p.active]
    return (active or sorted(known, key=lambda p: p.enrolled_at))[-1]


def _check_asking(child: Peer, body: dict) -> None:
    """The request must ask as what the unit is enrolled as: a station's request naming a
    township's code, or the other way round, is someone else's."""
    asked = str(body.get("role") or "station")
    if asked != child.role:
        raise SyncError(
            "wrong_role",
            "单位 {unit_code} 在本中心登记的是{enrolled}，恢复申请却说是{asked}",
            "请核对单位代码；镇中心的恢复申请用 haian-desk recover request --township-code 生成",
            params={"unit_code": child.unit_code, "enrolled": _role_name(child.role), "asked": _role_name(asked)},
        )


def _role_name(role: str) -> str:
    return {"station": "代理站", "township": "镇中心"}.get(role, role)


# -- at the hub: what goes back ----------------------------------------------------------------


def recovery_batch(backend: HubBackend, own: InstallationKeys, peer: Peer, after: int, limit: int = PAGE) -> bytes:
    """One page of what a rebuilt child gets back, from either hub database (``HubBackend.recovery``)."""
    events, hi, held = backend.recovery(peer, after, limit)
    below = backend.below(peer)  # a township's stations: their records come back as theirs
    me = backend.own
    header = {
        "batch": uuid7(),
        "from": me.id,
        "from_unit": me.unit_code,
        "to": peer.id,
        "kind": "down",
        "made_at": to_iso(backend.now()),
        "range": [after, hi],
        "more": len(events) == limit,
        "held_up_to": held,
    }
    if below:  # only for a township: a station's page stays as older software reads it
        header["below"] = below
    return seal(Batch(header, [e.to_dict() for e in events]), own, peer.box_key)


# -- 3. the rebuild, on the new PC --------------------------------------------------------------------


@dataclass
class Recovered:
    installation_id: str
    unit_name: str
    from_hub: int = 0
    from_backup: int = 0
    cases: int = 0
    role: str = "station"

    def lines(self) -> list[str]:
        if self.role == "township":
            return [
                cli_tr(
                    "已恢复镇中心 {unit}：从县级中心取回 {from_hub} 条记录，"
                    "从备份补回 {from_backup} 条（下次同步时上报），共 {cases} 件办件",
                    unit=self.unit_name,
                    from_hub=self.from_hub,
                    from_backup=self.from_backup,
                    cases=self.cases,
                ),
                cli_tr(
                    "本中心的同步密钥是新的：请各站点重新登记"
                    "（站点 haian-desk enrol request，本中心 hub enrol，站点 enrol accept）"
                ),
            ]
        return [
            cli_tr(
                "已恢复 {unit}：从镇中心取回 {from_hub} 条记录，从备份补回 {from_backup} 条（下次同步时上报），"
                "共 {cases} 件办件",
                unit=self.unit_name,
                from_hub=self.from_hub,
                from_backup=self.from_backup,
                cases=self.cases,
            )
        ]


def recover(
    folder: Path,
    answer: dict,
    admin: tuple[str, str],
    url: str | None = None,
    backup: Path | None = None,
    tls_ca: str | None = None,
    openers=None,
    wall=now_utc,
) -> Recovered:
    """``openers``: what may open the (encrypted) backup here; by default the station passphrase
    in the environment (the dead PC's own key went with it)."""
    own = keymod.load(folder)
    hub, station = _read_answer(answer, own, url)
    _refuse_used(folder)
    with rebuild.fresh_station(folder, station, wall) as desk:
        with desk.db.write() as conn:
            sync_state.save_peer(conn, replace(hub, tls_ca=tls_ca))
        result = Recovered(station["installation"], station["unit_name"], role=desk.installation.role)
        assert hub.url  # _read_answer refuses an answer without the hub's address
        with HubLink(desk, own, hub, hub.url, tls_ca=tls_ca) as link:
            result.from_hub, top, held = _fetch(desk, own, link, hub)
            result.from_backup = _merge_backup(desk, backup, held, openers) if backup else 0
            rebuild.settle_positions(desk, hub, top, held)
            _learn_numbers(desk, link)
        users.add_user(desk, admin[0], admin[0], "admin", admin[1])
        result.cases = desk.db.scalar("SELECT count(*) FROM cases")
        return result


def _read_answer(answer: dict, own: InstallationKeys, url: str | None) -> tuple[Peer, dict]:
    if not isinstance(answer, dict) or answer.get("format") != ANSWER:
        raise SyncError("bad_enrolment", "这不是镇中心的恢复答复文件", "请拿镇中心 hub reapprove 生成的文件")
    hub = answer.get("hub") or {}
    body = enrolment._verified(answer, str(hub.get("sign_key", "")), "恢复答复")
    station = body.get("for") or {}
    if station.get("sign_key") != own.sign_public:
        raise SyncError("not_for_me", "这份恢复答复是给另一台电脑的", "请用本机生成的恢复申请去办理")
    if str(station.get("role") or "station") not in REBUILDABLE:
        raise SyncError(
            "bad_enrolment", "这份恢复答复要恢复的不是代理站或镇中心", "请拿上级中心 hub reapprove 生成的文件"
        )
    address = url or body.get("url")
    if not address:
        raise SetupError("还不知道镇中心的网址", "请用 --from-hub http://镇中心地址:8765 指明")
    peer = Peer(
        id=hub["installation"],
        relation=PARENT,
        unit_code=hub["unit_code"],
        unit_name=hub["unit_name"],
        role=hub["role"],
        sign_key=hub["sign_key"],
        box_key=hub["box_key"],
        url=address,
        status=ENROLLED,
        enrolled_at=body["enrolled_at"],
    )
    return peer, station


def _fetch(desk: Desk, own, link: HubLink, hub: Peer) -> tuple[int, int, int]:
    """Every page the hub sends back; returns (events added, the hub's log position, its hold of ours)."""
    after, added, held = 0, 0, 0
    while True:
        data = link.request("POST", f"{ROUTE}?after={after}&limit={PAGE}", b"").content
        _, batch = open_batch(desk, own, data)
        events = [Event.from_dict(e) for e in batch.events]
        added += desk.ledger.ingest(events).added
        _note_routes(desk, hub, {e.origin for e in events}, batch.header.get("below") or [])
        after, held = batch.range[1], int(batch.header.get("held_up_to") or 0)
        if not batch.header.get("more"):
            return added, after, held


def _note_routes(desk: Desk, hub: Peer, origins: set[str], below: list[str]) -> None:
    """The hub's records came from above and never go back up. A rebuilt township's stations'
    records (``below``, as the hub knows them) came from below: each is noted as arriving
    through its station, so the station's later work still goes up and the station may sync here
    again once it has re-enrolled (a station's id is its origin)."""
    ours = set(below) & origins
    with desk.db.write() as conn:
        for station in sorted(ours):
            sync_state.note_origins(conn, {station}, station)
        sync_state.note_origins(conn, origins - ours - {desk.installation.id}, hub.id)


def _merge_backup(desk: Desk, backup: Path, held: int, openers) -> int:
    """The backup's events the hub never had. Logged after the hub's hold of our log, they go up next."""
    from haian_desk.storage.backup_openers import Openers, open_backup
    from haian_desk.storage.recovery import inspect

    openers = openers or Openers.at(None)
    info = inspect(backup, openers)
    if info.installation_id != desk.installation.id:
        raise SetupError(
            "这个备份是“{unit_name}”的，不是本站的", "请用本站的备份", params={"unit_name": info.unit_name}
        )
    with open_backup(Path(backup), openers) as (source, _key):
        events = rebuild.own_events(source, desk.installation.id)
    rebuild.log_after(desk, held)
    return desk.ledger.ingest(events).added


def _learn_numbers(desk: Desk, link: HubLink) -> None:
    reply = link.request("POST", "/v1/numbering", b"{}").json()
    rebuild.continue_numbering(
        desk, int(reply.get("origin_seq") or 0), {k: int(v) for k, v in (reply.get("case_numbers") or {}).items()}
    )

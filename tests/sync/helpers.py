"""Building small sync networks for tests: a township hub, its stations, a county above.

Everything is real: installations on disk, keys, enrolment through the same
functions the CLI uses, hubs served by uvicorn on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from haian_desk.cases import operations
from haian_desk.cases.operations import Intake
from haian_desk.desk import Desk, initialise
from haian_desk.events.projection import projectors
from haian_desk.people import cadres, users, villagers
from haian_desk.replication import sync_state
from sync import enrolment, keys as keymod
from sync.backoff import Backoff
from sync.exchange import exchange
from sync.files import export_file, import_file

COUNTY = "320685"
TOWNSHIP = "320685102"
TOWNSHIP_NAME = "曲塘镇代理中心"
VILLAGES = ["320685102210", "320685102211", "320685102212", "320685102213", "320685102214"]
OTHER_TOWNSHIP = "320685103"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Node:
    """One installation: its folder, an open desk (like its desktop app) and its keys."""

    folder: Path
    desk: Desk
    keys: keymod.InstallationKeys
    clock: object
    cadre_id: str | None = None
    villager_ids: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.desk.installation.id

    @property
    def unit_code(self) -> str:
        return self.desk.installation.unit_code

    def reopen(self) -> None:
        self.desk.close()
        self.desk = Desk.open(self.folder, wall=self.clock)

    def close(self) -> None:
        self.desk.close()


PASSWORD = "secret-pw"


def make_node(folder: Path, code: str, name: str, role: str, clock) -> Node:
    """An installation with real logins: its admin, a clerk, and "staff" (the centre's own
    staff at a township or county, a second clerk at a station): roles are enforced."""
    desk = initialise(folder, code, name, role, wall=clock)
    users.add_user(desk, "admin", "管理员", "admin", PASSWORD)  # the first login: no actor yet
    users.add_user(desk, "clerk", "季红梅", "station_staff", PASSWORD, actor="admin")
    staff_role = "station_staff" if role == "station" else "township_staff"
    users.add_user(desk, "staff", "王小", staff_role, PASSWORD, actor="admin")
    return Node(folder, desk, keymod.load_or_create(folder), clock)


def enrol(child: Node, parent: Node, url: str | None = None) -> None:
    request = enrolment.make_request(child.desk, child.keys)
    _, answer = enrolment.enrol(parent.desk, parent.keys, request, url)
    enrolment.accept(child.desk, child.keys, answer)


def township_with_stations(tmp: Path, clock, stations: int = 1) -> tuple[Node, list[Node]]:
    hub = make_node(tmp / "township", TOWNSHIP, TOWNSHIP_NAME, "township", clock)
    nodes = []
    for i in range(stations):
        node = make_node(tmp / f"station{i}", VILLAGES[i], f"曲塘镇第{i + 1}村代理站", "station", clock)
        enrol(node, hub)
        nodes.append(node)
    return hub, nodes


def take_in(
    node: Node,
    description: str = "反映3组道路破损，雨天积水",
    name: str = "张三",
    id_number: str = "",
    phone: str = "",
    **fields,
) -> str:
    """Register (and accept) a case at ``node``; returns its id."""
    if node.cadre_id is None:
        node.cadre_id = cadres.add(
            node.desk, "admin", cadres.CadreInput(name="仲维国", phone="13906271000", unit_code=node.unit_code)
        )
    villager_id = villagers.register(
        node.desk, "clerk", villagers.VillagerInput(name=name, id_number=id_number, phone=phone)
    )
    node.villager_ids.append(villager_id)
    intake = Intake(
        kind=fields.pop("kind", "opinion"),
        villager_id=villager_id,
        description=description,
        first_cadre_id=node.cadre_id,
        **fields,
    )
    return operations.take_in(node.desk, "clerk", intake).case_id


def act(node: Node, case_id: str, event_type: str, **payload) -> dict:
    return operations.act(node.desk, "staff", case_id, event_type, **payload)


def sync(node: Node, url: str, **options):
    options.setdefault("retries", 0)
    options.setdefault("backoff", Backoff(base=0.01, cap=0.05))
    options.setdefault("stall_timeout", 10.0)
    return exchange(node.desk, node.keys, url=url, **options)


def by_file(station: Node, hub: Node, folder: Path) -> None:
    """A full USB round trip: export, import at the hub, import the reply at the station."""
    out = folder / f"{station.id[:8]}-{time.monotonic_ns()}.hdsync"
    export_file(station.desk, station.keys, out)
    result = import_file(hub.desk, hub.keys, out)
    import_file(station.desk, station.keys, result.reply_path)


def case_rows(node: Node, unit_code: str | None = None) -> dict[str, dict]:
    sql, params = "SELECT * FROM cases", ()
    if unit_code:
        sql, params = sql + " WHERE unit_code = ?", (unit_code,)
    return {r["id"]: dict(r) for r in node.desk.db.query(sql + " ORDER BY id", params)}


def event_ids(node: Node, origin: str | None = None) -> list[str]:
    sql, params = "SELECT id FROM events", ()
    if origin:
        sql, params = sql + " WHERE origin = ?", (origin,)
    return [r[0] for r in node.desk.db.query(sql + " ORDER BY id", params)]


def snapshot(node: Node) -> dict:
    """Everything a user could see change: the log and every projection."""
    tables = {
        p.table: [tuple(r) for r in node.desk.db.query(f"SELECT * FROM {p.table} ORDER BY 1")]
        for p in projectors().values()
    }
    return {"events": event_ids(node), **tables}


def pending(node: Node) -> int:
    from haian_desk.replication.status import sync_status

    return sync_status(node.desk).pending


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_installation(source: Path, target: Path) -> Path:
    """A copy of an installation's folder (database, keys) as of now, for restoring later."""
    shutil.copytree(source, target)
    return target


# -- real processes --------------------------------------------------------


def cli(*args: str, env: dict | None = None, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
    merged = {**os.environ, **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "haian_desk", *args],
        capture_output=True,
        text=True,
        env=merged,
        timeout=timeout,
        cwd=ROOT,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"haian-desk {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


class HubProcess:
    """``haian-desk hub serve`` as a real subprocess (so it can be killed with SIGKILL)."""

    def __init__(self, folder: Path, port: int | None = None, env: dict | None = None, extra: tuple = ()):
        self.folder, self.port = folder, port or free_port()
        self.env, self.extra = env or {}, extra
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HubProcess:
        self.log_path = self.folder.parent / f"hub-{self.port}.log"
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - the hub's output for its whole life; stop() closes it
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "haian_desk",
                "hub",
                "serve",
                "--data-dir",
                str(self.folder),
                "--port",
                str(self.port),
                *self.extra,
            ],
            env={**os.environ, **self.env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hub exited with {self.process.returncode}")
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("hub did not start")

    def wait_dead(self, timeout: float = 30) -> int:
        return self.process.wait(timeout)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)
        if self.process:
            self.log.close()

    def __enter__(self) -> HubProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def peer_of(node: Node, other: Node) -> sync_state.Peer:
    return sync_state.get_peer(node.desk.db, other.id)


def held_up_to(node: Node, peer_id: str) -> int:
    """What ``node`` holds applied of ``peer_id``'s log (its resume point for that peer)."""
    with node.desk.db.read() as conn:
        return sync_state.coverage(conn, peer_id)

"""A county hub kept in PostgreSQL for sync tests: made by ``create_hub`` (what ``init --role county
--database`` runs) in the test's own database on the run's throw-away server, its keys in a
folder of their own, a township enrolled under it through the same enrolment functions the CLI
uses, and the hub served by uvicorn on 127.0.0.1 (one worker, on a thread)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from uuid import uuid4

import psycopg

from haian_desk.core.timeutil import to_iso
from haian_desk.hub_desk import HubDesk
from haian_desk.network import townships
from haian_desk.replication.pg_hub import PgHub
from haian_desk.replication.status import stations
from haian_desk.storage.postgres.create import create_hub
from haian_desk.storage.postgres.database import PgDatabase
from sync import enrolment
from sync.files import import_file, import_into
from sync.pg_serve import PgBackgroundHub, hub_keys, open_served
from sync.serve import BackgroundHub
from tests.pg_cluster import binaries
from tests.sync.helpers import (
    COUNTY,
    OTHER_TOWNSHIP,
    PASSWORD,
    TOWNSHIP,
    TOWNSHIP_NAME,
    VILLAGES,
    Node,
    copy_installation,
    enrol,
    make_node,
)

COUNTY_NAME = "海安市群众事务代理中心"


@dataclass
class PgCounty:
    url: str
    keys_dir: Path
    clock: object

    def make(self) -> PgCounty:
        create_hub(self.url, "county", COUNTY, COUNTY_NAME, to_iso(self.clock()))
        return self

    def enrol(self, child: Node, url: str | None = None) -> None:
        keys = hub_keys(self.keys_dir)
        with PgDatabase(self.url) as db:
            backend = PgHub(db, self.clock)
            backend.pin_signing_key(keys.sign_public)
            request = enrolment.make_request(child.desk, child.keys)
            _, answer = enrolment.enrol_with(backend.own, to_iso(self.clock()), keys, request, url, backend.enrol)
        enrolment.accept(child.desk, child.keys, answer)

    def served(self, **options) -> PgBackgroundHub:
        options.setdefault("wall", self.clock)
        return PgBackgroundHub(self.url, self.keys_dir, **options)

    def query(self, sql: str, params: tuple = ()) -> list:
        with PgDatabase(self.url) as db:
            return db.query(sql, params)

    def scalar(self, sql: str, params: tuple = ()):
        with PgDatabase(self.url) as db:
            return db.scalar(sql, params)


# -- the same sync tests on either hub: a PostgreSQL county read like a SQLite Node ----------------


class PgHubNode:
    """The hub of a test network when it is a county on PostgreSQL: ``desk`` is the county's own
    desk (``HubDesk``), so the helpers' statements (event_ids, case_rows, snapshot,
    sync_state.quarantined) read its tables and the domain's operations act there."""

    def __init__(self, county: PgCounty):
        self.county = county
        self.db = PgDatabase(county.url)
        self.desk = HubDesk(self.db, county.clock)
        self.folder = county.keys_dir
        self.keys = hub_keys(county.keys_dir)

    @property
    def id(self) -> str:
        return self.db.scalar("SELECT value FROM meta WHERE key = 'installation_id'")

    def import_file(self, path: Path):
        hub, backend = open_served(self.county.url, self.county.keys_dir, self.county.clock)
        with backend.db:
            return import_into(hub, path)

    def close(self) -> None:
        self.db.close()

    def reopen(self) -> None:
        self.db = PgDatabase(self.county.url)
        self.desk = HubDesk(self.db, self.county.clock)


def pg_network(url: str, tmp: Path, clock, children: int = 2) -> tuple[PgHubNode, list[Node]]:
    """A county on PostgreSQL and ``children`` township hubs (real installations) enrolled under it."""
    county = PgCounty(url, tmp / "county-keys", clock).make()
    others = [(t.code, t.name) for t in townships() if t.code not in (TOWNSHIP, OTHER_TOWNSHIP, "320685105")]
    codes = [(TOWNSHIP, TOWNSHIP_NAME), (OTHER_TOWNSHIP, "雅周镇代理中心"), *others]
    nodes = []
    for i in range(children):
        code, name = codes[i]
        node = make_node(tmp / f"township{i}", code, name, "township", clock)
        county.enrol(node)
        nodes.append(node)
    return PgHubNode(county), nodes


def new_child(hub, folder: Path, clock, name: str) -> Node:
    """One more installation enrolled at the test network's hub: a station under a township, a
    township hub under a county on PostgreSQL."""
    if isinstance(hub, PgHubNode):
        node = make_node(folder, "320685105", name, "township", clock)
        hub.county.enrol(node)
        return node
    node = make_node(folder, VILLAGES[4], name, "station", clock)
    enrol(node, hub)
    return node


def import_command(hub, path: Path) -> list[str]:
    """The command line that imports a batch file at the test network's hub."""
    if isinstance(hub, PgHubNode):
        return ["hub", "import", str(path), "--database", hub.county.url, "--data-dir", str(hub.folder)]
    return ["sync", "import", str(path), "--data-dir", str(hub.folder)]


def hub_check_ok(hub) -> bool:
    """The integrity check of the test network's hub (``check`` or ``hub check --database``)."""
    if isinstance(hub, PgHubNode):
        from haian_desk.storage.postgres import hub as pg

        return pg.check(hub.db).ok
    from haian_desk.storage.check import run_check

    return run_check(hub.desk).ok


def new_database(server: str, template: str | None = None) -> tuple[str, str]:
    """A database of its own on the run's server (a copy of ``template`` when given): name and URL."""
    name = f"t_{uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return name, server.rsplit("/", 1)[0] + "/" + name


def drop_database(server: str, name: str) -> None:
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def import_at(hub, path: Path):
    """A batch file imported at the test network's hub, whichever storage it has."""
    if isinstance(hub, PgHubNode):
        return hub.import_file(path)
    return import_file(hub.desk, hub.keys, path)


def served_hub(hub, clock, **options) -> BackgroundHub:
    """The test network's hub served on 127.0.0.1 (``port``, ``max_body``, ``settings``) with the
    clock ``clock``."""
    if isinstance(hub, PgHubNode):
        return hub.county.served(wall=clock, **options)
    return BackgroundHub(hub.folder, wall=clock, **options)


def stations_at(hub) -> list[dict]:
    """``hub stations`` at the test network's hub."""
    if isinstance(hub, PgHubNode):
        return PgHub(hub.db, hub.county.clock).stations()
    return stations(hub.desk)


def revoke_at(hub, child_id: str) -> None:
    """The test network's hub stops accepting ``child_id`` (its data stays)."""
    if isinstance(hub, PgHubNode):
        PgHub(hub.db, hub.county.clock).revoke(child_id, to_iso(hub.county.clock()))
    else:
        enrolment.revoke(hub.desk, child_id)


def staffed(hub) -> None:
    """The test network's hub with the logins ``helpers.act`` uses ("admin", "staff"): a township
    made by ``make_node`` has them; a county on PostgreSQL gets them now (``HubDesk``, as
    ``hub user-add`` does), once."""
    if not isinstance(hub, PgHubNode):
        return
    from haian_desk.people import users

    if hub.desk.db.scalar("SELECT count(*) FROM users") == 0:
        users.add_user(hub.desk, "admin", "管理员", "admin", PASSWORD)  # type: ignore[arg-type]
        users.add_user(hub.desk, "staff", "县中心王小", "township_staff", PASSWORD, actor="admin")  # type: ignore[arg-type]


def hub_desk_again(hub, clock):
    """A second desk on the test network's hub, as its desktop app opened beside the sync service."""
    if isinstance(hub, PgHubNode):
        return HubDesk.open(hub.county.url, wall=clock)
    from haian_desk.desk import Desk

    return Desk.open(hub.folder, wall=clock)


# -- backups the way each hub's staff take them: a copy of the folder, or pg_dump ------------------


def backup_hub(hub, target: Path) -> Path:
    """The hub as of now: its folder copied (SQLite), or ``pg_dump -Fc`` of its database (keys
    are files and are not in the dump: they stay where they are)."""
    if isinstance(hub, PgHubNode):
        _pg_tool("pg_dump", "--format=custom", "--file", str(target), hub.county.url)
        return target
    hub.close()
    copy_installation(hub.folder, target)
    hub.reopen()
    return target


def restore_hub(hub, backup: Path) -> None:
    """Back to ``backup``: the folder replaced, or the database dropped, made again and restored
    with ``pg_restore`` (the staff's way; every connection to it is closed first)."""
    hub.close()
    if isinstance(hub, PgHubNode):
        server, name = hub.county.url.rsplit("/", 1)
        drop_database(server + "/postgres", name)
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        _pg_tool("pg_restore", "--exit-on-error", "--dbname", hub.county.url, str(backup))
    else:
        shutil.rmtree(hub.folder)
        shutil.copytree(backup, hub.folder)
    hub.reopen()


def _pg_tool(tool: str, *args: str) -> None:
    # The client programs next to the test server's own (tests/pg_cluster.py): the same version.
    done = subprocess.run([str(binaries() / tool), *args], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{tool}: {done.stderr[-800:]}"

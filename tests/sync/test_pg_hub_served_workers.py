"""``haian-desk hub serve --database URL --workers 4`` as a real process: twenty township hubs
syncing at once while hub workers are killed with SIGKILL at random moments (uvicorn's
supervisor starts them again). Afterwards every event is on the county exactly once, every
township's range is whole, and ``hub check --database`` passes.

Haian has eleven known townships (resources/divisions.json) and a unit enrols one installation,
so the test adds township codes under the county (3206852xx, not real divisions) to the division
list of this test process until there are twenty, where the townships are made and enrolled; the served
county checks only that a child's code lies inside its own, as it does for real ones.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from haian_desk import network
from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.core.timeutil import now_utc
from haian_desk.desk import Desk
from haian_desk.network import Unit
from haian_desk.replication.status import sync_status
from haian_desk.storage.postgres import DATABASE_ENV
from sync import keys as keymod
from sync.backoff import Backoff
from sync.errors import SyncError
from tests.sync.helpers import ROOT, Node, cli, free_port, make_node, sync, take_in
from tests.sync.pg_county import PgCounty

pytestmark = pytest.mark.slow

WORKERS = 4
ROUNDS = 4  # each township: a new matter, then a sync, this many times


def _workers_of(supervisor: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{supervisor}/task").iterdir():
        with contextlib.suppress(OSError):
            children += [int(p) for p in (task / "children").read_text().split()]
    return children


class Served:
    """The county's ``hub serve --workers N`` in its own process group."""

    def __init__(self, county: PgCounty, port: int, log: Path):
        env = {**os.environ, DATABASE_ENV: county.url}
        self.log = open(log, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "haian_desk", "hub", "serve", "--data-dir", str(county.keys_dir)]
            + ["--port", str(port), "--workers", str(WORKERS)],
            env=env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, log.read_text(errors="replace")
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError("the hub did not start")

    def workers(self) -> list[int]:
        return _workers_of(self.process.pid)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        self.log.close()


def _keep_syncing(folder: Path, url: str, failures: list) -> None:
    """One township's afternoon, on its own thread with its own desk: matters and syncs, each
    sync retried until it goes through (a killed worker breaks the one in flight)."""
    desk = Desk.open(folder, wall=now_utc)
    node = Node(folder, desk, keymod.load(folder), now_utc)
    try:
        for i in range(ROUNDS):
            take_in(node, description=f"反映{i + 1}组道路破损")
            _until_through(node, url)
    except Exception as error:  # noqa: BLE001 - reported by the test
        failures.append(f"{folder.name}: {error!r}")
    finally:
        desk.close()


def _until_through(node: Node, url: str, attempts: int = 40) -> None:
    for _ in range(attempts):
        try:
            sync(node, url, retries=0, backoff=Backoff(base=0.01, cap=0.05))
            return
        except SyncError:
            time.sleep(0.2)
    raise AssertionError(f"{node.folder.name} never got through")


TOWNSHIPS = 20


@pytest.fixture
def twenty_townships(monkeypatch) -> list[Unit]:
    """Haian's real townships and, to make twenty, test-only ones under the same county."""
    real = network.divisions()
    extra = [{"code": f"320685{201 + i}", "name": f"测试{i + 1}镇"} for i in range(TOWNSHIPS)]
    listed = {**real, "townships": real["townships"] + extra}
    monkeypatch.setattr(network, "divisions", lambda: listed)
    return [t for t in network.townships() if t.code != "320685400"][:TOWNSHIPS]


def test_killed_workers_leave_every_event_once(pg_url, tmp_path, twenty_townships):
    county = PgCounty(pg_url, tmp_path / "county-keys", now_utc).make()
    codes = twenty_townships
    assert len(codes) == TOWNSHIPS
    folders = []
    for t in codes:
        node = make_node(tmp_path / t.code, t.code, t.name, "township", now_utc)
        county.enrol(node)
        node.close()
        folders.append(tmp_path / t.code)
    served = Served(county, free_port(), tmp_path / "hub.log")
    rng, kills, failures = random.Random(14), 0, []
    try:
        threads = [threading.Thread(target=_keep_syncing, args=(f, served.url, failures)) for f in folders]
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            time.sleep(rng.uniform(0.3, 1.2))
            alive = served.workers()
            if alive and kills < 12:
                os.kill(rng.choice(alive), signal.SIGKILL)
                kills += 1
        for thread in threads:
            thread.join()
        assert not failures, failures
        assert kills >= 3
        for folder in folders:  # on a quiet line, each once more: nothing left to send
            with Desk.open(folder, wall=now_utc) as desk:
                node = Node(folder, desk, keymod.load(folder), now_utc)
                _until_through(node, served.url)
                assert sync_status(desk).pending == 0
    finally:
        served.stop()

    at_county = [r[0] for r in county.query("SELECT id FROM events WHERE origin != %s", (SHIPPED_ORIGIN,))]
    sent: set[str] = set()
    for folder in folders:
        with Desk.open(folder, wall=now_utc) as desk:
            sent |= {r[0] for r in desk.db.query("SELECT id FROM events WHERE origin != ?", (SHIPPED_ORIGIN,))}
            own_id = desk.installation.id
            top = desk.db.scalar("SELECT max(seq) FROM events")
        ranges = county.query("SELECT lo, hi FROM sync_ranges WHERE peer = %s ORDER BY lo", (own_id,))
        assert [tuple(r) for r in ranges] == [(0, top)], folder.name
    assert len(at_county) == len(set(at_county)) and set(at_county) == sent
    assert county.scalar("SELECT count(*) FROM cases") == len(folders) * ROUNDS
    assert cli("hub", "check", "--database", county.url).returncode == 0

"""Guarantee 15: a hub and 2–5 stations doing random work with random partial exchanges (HTTP, cut HTTP,
files that go astray) end, after one final full exchange each, with the same shared cases everywhere.
On both hubs: a township on SQLite with its stations, a county on PostgreSQL with its township hubs
(which does not act on matters itself: its steps of that kind are skipped)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.cases.fold import allowed_events
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import UTC
from haian_desk.desk import Desk
from haian_desk.people import cadres
from haian_desk.storage.check import run_check
from sync import keys as keymod
from sync.errors import SyncError
from sync.files import export_file, import_file
from tests.conftest import Clock
from tests.sync.helpers import Node, act, case_rows, pending, sync, take_in, township_with_stations
from tests.sync.pg_county import (
    PgCounty,
    PgHubNode,
    drop_database,
    hub_check_ok,
    import_at,
    new_database,
    pg_network,
    served_hub,
)
from tests.sync.proxy import CuttingProxy

pytestmark = pytest.mark.slow

PAYLOADS = {
    "note": {"text": "跟进情况"},
    "completed": {"result": "granted"},
    "replied": {"method": "phone"},
    "rated": {"level": 4},
    "transferred": {"to_level": "township", "to_unit": "曲塘镇代理中心"},
    "returned": {"outcome": "镇里已办理"},
    "paused": {"reason": "公示期间依规不计时"},
    "resumed": {},
    "withdrawn": {"reason": "群众撤回"},
    "reopened": {"reason": "群众不满意"},
    "joint_handling": {"units": ["镇建设办"]},
    "return_visit": {"note": "已回访"},
}
MAX_STATIONS = 5


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def template(tmp_path_factory, request) -> Path:
    """A township and its stations, or a county on PostgreSQL and its township hubs (``hub_backend``)."""
    base = tmp_path_factory.mktemp("converge")
    if request.param == "sqlite":
        hub, stations = township_with_stations(base, _clock(), MAX_STATIONS)
    else:
        server = request.getfixturevalue("pg_server")
        name, url = new_database(server)
        (base / "database").write_text(f"{server}\n{name}")
        hub, stations = pg_network(url, base, _clock(), children=MAX_STATIONS)
    for node in (hub, *stations):
        node.close()
    for i in range(MAX_STATIONS):  # the installations below the hub, whatever their level
        if (base / f"township{i}").exists():
            shutil.move(base / f"township{i}", base / f"station{i}")
    return base


def _clock() -> Clock:
    return Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))


station_index = st.integers(0, MAX_STATIONS - 1)
operations = st.one_of(
    st.tuples(st.just("intake"), station_index),
    st.tuples(st.just("station_act"), station_index, st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("hub_act"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("http"), station_index, st.none() | st.integers(1, 6)),
    st.tuples(st.just("file"), station_index, st.integers(0, 2)),
    st.tuples(st.just("hub_cadre")),
    st.tuples(st.just("tick"), st.integers(1, 600)),
)


class World:
    """The hub served over HTTP, the township's own desk, and the stations, on copies of the template."""

    def __init__(self, template: Path, folder: Path, stations: int):
        self.folder, self.clock = folder, _clock()
        self.stations = []
        for i in range(stations):
            shutil.copytree(template / f"station{i}", folder / f"station{i}")
            self.stations.append(self._open(folder / f"station{i}"))
        self.database: tuple[str, str] | None = None
        if (template / "database").exists():  # a county on PostgreSQL: a database copied from the template's
            server, name = (template / "database").read_text().split("\n")
            shutil.copytree(template / "county-keys", folder / "county-keys")
            copy, url = new_database(server, name)
            self.database = (server, copy)
            self.hub = PgHubNode(PgCounty(url, folder / "county-keys", self.clock))
        else:
            shutil.copytree(template / "township", folder / "township")
            self.hub = self._open(folder / "township")
        self.served = served_hub(self.hub, self.clock).start()
        self.files = 0

    def _open(self, path: Path) -> Node:
        return Node(path, Desk.open(path, wall=self.clock), keymod.load(path), self.clock)

    def run(self, op: tuple) -> None:
        getattr(self, "_" + op[0])(*op[1:])

    def _intake(self, i: int) -> None:
        take_in(self._station(i), description="随机生成的诉求")

    def _station_act(self, i: int, which: int, choice: int) -> None:
        node = self._station(i)
        self._act(node, case_rows(node), which, choice)

    def _hub_act(self, which: int, choice: int) -> None:
        if self.database:
            return  # a county on PostgreSQL does not act on matters yet
        self._act(self.hub, case_rows(self.hub), which, choice)

    def _act(self, node: Node, rows: dict, which: int, choice: int) -> None:
        if not rows:
            return
        row = list(rows.values())[which % len(rows)]
        allowed = [t for t in allowed_events(row) if t in PAYLOADS]
        if allowed:
            with contextlib.suppress(HaianError):  # a rule the simple payloads do not meet; nothing was written
                act(node, row["id"], allowed[choice % len(allowed)], **PAYLOADS[allowed[choice % len(allowed)]])

    def _http(self, i: int, cut_at_reply: int | None) -> None:
        node = self._station(i)
        if cut_at_reply is None:
            sync(node, self.served.url)
            return
        with CuttingProxy(self.served.port, cut_at_reply=cut_at_reply) as proxy, contextlib.suppress(SyncError):
            sync(node, proxy.url)

    def _file(self, i: int, stage: int) -> None:
        node = self._station(i)
        self.files += 1
        path = self.folder / f"up{self.files}.hdsync"
        export_file(node.desk, node.keys, path)
        if stage >= 1:  # stage 0: the stick is lost on the way
            result = import_at(self.hub, path)
            if stage == 2:  # stage 1: the reply is never brought back
                import_file(node.desk, node.keys, result.reply_path)

    def _hub_cadre(self) -> None:
        if self.database:
            return  # nor keep a cadre roster
        self.hub_cadres = getattr(self, "hub_cadres", 0) + 1  # the roster refuses the same person twice
        cadres.add(
            self.hub.desk,
            "admin",
            cadres.CadreInput(name=f"季红梅{self.hub_cadres}", phone="13906271001", unit_code=self.hub.unit_code),
        )

    def _tick(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)

    def _station(self, i: int) -> Node:
        return self.stations[i % len(self.stations)]

    def close(self) -> None:
        self.served.stop()
        for node in (self.hub, *self.stations):
            node.close()
        if self.database:
            drop_database(*self.database)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(stations=st.integers(2, MAX_STATIONS), steps=st.lists(operations, max_size=24))
def test_random_work_and_partial_exchanges_converge(template, stations, steps):
    with tempfile.TemporaryDirectory() as folder:
        world = World(template, Path(folder), stations)
        try:
            for op in steps:
                world.run(op)
            for node in world.stations:
                sync(node, world.served.url)
            for node in world.stations:
                assert case_rows(node) == case_rows(world.hub, node.unit_code)
                assert pending(node) == 0
                assert run_check(node.desk).ok
            assert hub_check_ok(world.hub)
        finally:
            world.close()

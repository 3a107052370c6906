"""Cut the line anywhere: exactly once after a cut, and resume rather than restart
(guarantees 2 and 8), through a TCP proxy that drops the connection at a chosen byte. The
every-cut test runs against both hubs: a township on SQLite, a county on PostgreSQL."""

from __future__ import annotations

import random
import shutil
from datetime import datetime
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest

from haian_desk.cases import operations
from haian_desk.cases.operations import Intake
from haian_desk.core.timeutil import UTC
from haian_desk.desk import Desk
from haian_desk.people import villagers
from haian_desk.replication.status import sync_status
from haian_desk.storage.check import run_check
from haian_desk.storage.postgres.database import PgDatabase
from sync import keys as keymod
from sync.errors import SyncError
from sync.serve import BackgroundHub
from tests.conftest import Clock
from tests.sync.helpers import Node, event_ids, sync, take_in, township_with_stations
from tests.sync.pg_county import drop_database
from tests.sync.proxy import CuttingProxy

pytestmark = pytest.mark.slow


def _clock() -> Clock:
    return Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))


class SqliteHubSide:
    """A township hub's folder: copied per trial, served, read back."""

    def __init__(self, folder: Path):
        self.folder = folder

    def copy(self, template: Path) -> None:
        shutil.copytree(template / "township", self.folder)

    def served(self, clock) -> BackgroundHub:
        return BackgroundHub(self.folder, wall=clock)

    def assert_holds(self, station: Node, cases: int) -> None:
        hub = Desk.open(self.folder)
        try:
            at_hub = [r[0] for r in hub.db.query("SELECT id FROM events WHERE origin = ? ORDER BY id", (station.id,))]
            assert at_hub == event_ids(station, station.id)
            assert hub.db.scalar("SELECT count(*) FROM cases WHERE unit_code = ?", (station.unit_code,)) == cases
            assert run_check(hub).ok
        finally:
            hub.close()


class PgHubSide:
    """A county hub on PostgreSQL: a database made from the template's per trial (``CREATE
    DATABASE … TEMPLATE``), its keys' folder copied with it."""

    def __init__(self, server: str, folder: Path):
        self.server, self.folder = server, folder
        self.name = f"cut_{uuid4().hex[:12]}"
        self.url = server.rsplit("/", 1)[0] + "/" + self.name

    def copy(self, template: Path) -> None:
        shutil.copytree(template / "county-keys", self.folder)
        with psycopg.connect(self.server, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {self.name} TEMPLATE {_database_of(template)[1]}")

    def served(self, clock):
        from sync.pg_serve import PgBackgroundHub

        return PgBackgroundHub(self.url, self.folder, wall=clock)

    def assert_holds(self, station: Node, cases: int) -> None:
        from haian_desk.storage.postgres import hub as pg

        with PgDatabase(self.url) as db:
            at_hub = [r[0] for r in db.query("SELECT id FROM events WHERE origin = %s ORDER BY id", (station.id,))]
            assert at_hub == event_ids(station, station.id)
            assert db.scalar("SELECT count(*) FROM cases WHERE unit_code = %s", (station.unit_code,)) == cases
            assert pg.check(db).ok
        with psycopg.connect(self.server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {self.name} WITH (FORCE)")


def _templates(base: Path, cases: int, villagers_every: int = 1, pg_server: str | None = None) -> Path:
    """A hub and one enrolled installation below it holding ``cases`` fresh cases, closed on disk:
    a township and its station, or (``pg_server``) a county on PostgreSQL and a township hub."""
    clock = _clock()
    if pg_server is None:
        hub, (station,) = township_with_stations(base, clock, 1)
    else:
        from tests.sync.pg_county import pg_network

        name = f"cuts_{uuid4().hex[:12]}"
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        base.mkdir(parents=True, exist_ok=True)
        (base / "database").write_text(f"{pg_server}\n{name}")
        hub, (station,) = pg_network(pg_server.rsplit("/", 1)[0] + "/" + name, base, clock, children=1)
        shutil.move(base / "township0", base / "station0")  # the one below, whatever its level
    take_in(station)
    villager_id = station.villager_ids[0]
    for i in range(1, cases):
        if i % villagers_every == 0:
            villager_id = villagers.register(station.desk, "clerk", villagers.VillagerInput(name=f"王{i}"))
        operations.take_in(
            station.desk,
            "clerk",
            Intake(
                kind="opinion",
                villager_id=villager_id,
                description=f"反映{i % 20}组道路破损",
                first_cadre_id=station.cadre_id,
            ),
        )
        if i % 500 == 0:
            clock.advance(minutes=7)
    hub.close()
    station.close()
    return base


def _copy(template: Path, folder: Path) -> tuple[SqliteHubSide | PgHubSide, Node]:
    if (template / "database").exists():
        hub: SqliteHubSide | PgHubSide = PgHubSide(_database_of(template)[0], folder / "county-keys")
    else:
        hub = SqliteHubSide(folder / "township")
    hub.copy(template)
    shutil.copytree(template / "station0", folder / "station0")
    clock = _clock()
    station = Node(
        folder / "station0", Desk.open(folder / "station0", wall=clock), keymod.load(folder / "station0"), clock
    )
    return hub, station


def _database_of(template: Path) -> tuple[str, str]:
    """The PostgreSQL server a template's county is on, and its database's name."""
    server, name = (template / "database").read_text().split("\n")
    return server, name


def _run(station: Node, hub, **cut) -> CuttingProxy:
    """One exchange through a proxy (cut or not); returns the proxy with its byte counts."""
    with hub.served(station.clock) as served, CuttingProxy(served.port, **cut) as proxy:
        try:
            sync(station, proxy.url, limit=500)
        except SyncError as error:
            assert cut, f"an uncut exchange failed: {error}"
    return proxy


def _counted(station: Node, hub) -> CuttingProxy:
    return _run(station, hub)


def _assert_exactly_once(station: Node, hub, cases: int) -> None:
    hub.assert_holds(station, cases)
    status = sync_status(station.desk)
    assert status.pending == 0 and status.last_error is None


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def five_hundred(tmp_path_factory, request) -> Path:
    """500 cases below a hub of either storage (``hub_backend``)."""
    if request.param == "sqlite":
        return _templates(tmp_path_factory.mktemp("cuts"), 500)
    return _templates(tmp_path_factory.mktemp("pgcuts"), 500, pg_server=request.getfixturevalue("pg_server"))


def _trials(reference: CuttingProxy) -> list[dict]:
    requests, replies = reference.starts["up"], reference.starts["down"]
    rng = random.Random(2026)
    trials = [{"cut_at_request": k} for k in range(2, requests + 1)]  # the previous reply arrived whole
    trials += [{"cut_at_reply": k} for k in range(1, replies + 1)]  # the request arrived whole
    trials += [{"cut_up_at": rng.randrange(1, reference.sent["up"])} for _ in range(6)]
    trials += [{"cut_down_at": rng.randrange(1, reference.sent["down"])} for _ in range(3)]
    return trials


def test_every_cut_in_a_500_case_upload_ends_with_each_event_exactly_once(five_hundred, tmp_path):
    hub, station = _copy(five_hundred, tmp_path / "reference")
    reference = _counted(station, hub)
    _assert_exactly_once(station, hub, 500)
    station.close()
    assert reference.starts["up"] >= 5  # hello, several batches, a check, at least
    for n, cut in enumerate(_trials(reference)):
        hub, station = _copy(five_hundred, tmp_path / f"trial{n}")
        proxy = _run(station, hub, **cut)
        assert proxy.cut, f"{cut} did not cut"
        _run(station, hub)  # the next run, on a good line
        _assert_exactly_once(station, hub, 500)
        station.close()


@pytest.mark.both_hubs
def test_a_cut_first_upload_resumes_instead_of_restarting(tmp_path, hub_backend, request):
    """Guarantee 8: a 10,000-case first upload cut at 90 % sends only the missing part plus one batch.
    On both hubs, at full size: into PostgreSQL it takes about as long as into SQLite (~45 s)."""
    server = request.getfixturevalue("pg_server") if hub_backend == "postgres" else None
    template = _templates(tmp_path / "template", 10_000, villagers_every=10, pg_server=server)
    hub, station = _copy(template, tmp_path / "reference")
    reference = _counted(station, hub)
    _assert_exactly_once(station, hub, 10_000)
    station.close()
    total = reference.sent["up"]
    sizes = _request_sizes(reference)
    largest_batch, hello, check = max(sizes[1:-1]), sizes[0], sizes[-1]

    hub, station = _copy(template, tmp_path / "cut")
    cut_at = int(total * 0.9)
    assert _run(station, hub, cut_up_at=cut_at).cut
    resumed = _counted(station, hub)
    _assert_exactly_once(station, hub, 10_000)
    station.close()
    missing = total - cut_at
    assert resumed.sent["up"] <= missing + largest_batch + hello + check
    assert resumed.sent["up"] < total * 0.2
    if server is not None:
        drop_database(*_database_of(template))


def _request_sizes(proxy: CuttingProxy) -> list[int]:
    """Bytes of each request, from where the traffic turned round."""
    ups = [up for up, _ in proxy.boundaries[::2]] + [proxy.sent["up"]]
    return [b - a for a, b in zip([0] + ups[:-1], ups, strict=True)]

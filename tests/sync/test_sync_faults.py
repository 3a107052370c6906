"""All or nothing, then a drift check (guarantee 11); a checkpoint is never ahead of a commit, even when
a real hub or station process is killed with SIGKILL at any step of an exchange (guarantee 7)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from haian_desk.cases import queries
from haian_desk.core.timeutil import UTC, now_utc
from haian_desk.desk import Desk
from haian_desk.people import cadres
from haian_desk.replication import selection, sync_state
from haian_desk.replication.hub_backend import SqliteHub
from haian_desk.replication.pg_hub import PgHub
from haian_desk.replication.status import sync_status
from haian_desk.storage.check import run_check
from sync import keys as keymod
from sync.errors import SyncError
from sync.failpoints import ENV as FAILPOINT, FailpointHit
from sync.serve import BackgroundHub
from tests.conftest import Clock
from tests.sync.helpers import (
    HubProcess,
    Node,
    act,
    case_rows,
    cli,
    copy_installation,
    event_ids,
    held_up_to,
    pending,
    snapshot,
    sync,
    take_in,
    township_with_stations,
)
from tests.sync.pg_county import (
    PgCounty,
    PgHubNode,
    backup_hub,
    drop_database,
    hub_check_ok,
    new_database,
    pg_network,
    restore_hub,
    served_hub,
    staffed,
)


@pytest.mark.both_hubs
def test_a_batch_applies_fully_or_not_at_all(network, served, monkeypatch):
    """On both hubs (``hub_backend``): a batch failing inside its transaction leaves nothing."""
    hub, (station, _) = network
    for i in range(12):
        take_in(station, description=f"反映{i}组道路破损")
    before = snapshot(hub)
    monkeypatch.setenv(FAILPOINT, "hub.up.in_transaction:raise")
    with pytest.raises(SyncError) as failed:
        sync(station, served.url)
    assert failed.value.kind == "server_error"
    assert snapshot(hub) == before and hub.desk.db.scalar("SELECT count(*) FROM sync_batches") == 0
    assert held_up_to(hub, station.id) == 0
    monkeypatch.delenv(FAILPOINT)
    sync(station, served.url)
    assert set(event_ids(station, station.id)) <= set(event_ids(hub))


@pytest.mark.both_hubs
def test_a_down_batch_applies_fully_or_not_at_all(network, served, monkeypatch):
    """At the station (or the township below a county): what the hub sends down."""
    hub, (station, _) = network
    staffed(hub)
    for i in range(12):
        take_in(station, description=f"反映{i}组道路破损")
    sync(station, served.url)
    # Several records in one down batch, so that a half-applied batch would show.
    touched = list(case_rows(hub))[:3]
    act(hub, touched[0], "note", text="镇里看过了")
    act(hub, touched[1], "note", text="镇里也看过了")
    act(hub, touched[2], "completed", result="granted", note="上级已办成")
    station_before = snapshot(station)
    cursor = held_up_to(station, hub.id)
    monkeypatch.setenv(FAILPOINT, "station.down.in_transaction:raise")
    with pytest.raises(FailpointHit):
        sync(station, served.url)
    assert snapshot(station) == station_before and held_up_to(station, hub.id) == cursor
    assert case_rows(station)[touched[2]]["status"] != "completed"
    monkeypatch.delenv(FAILPOINT)
    assert sync(station, served.url).received == 3
    assert case_rows(station)[touched[2]]["status"] == "completed"
    assert all(case_rows(station)[c] == case_rows(hub)[c] for c in touched)


def _restore(node: Node, backup: Path) -> None:
    node.close()
    shutil.rmtree(node.folder)
    shutil.copytree(backup, node.folder)
    node.reopen()


def _backed_up_hub_and_synced_station(network, tmp_path, clock):
    """A hub backed up (its folder copied, or ``pg_dump``) once a station's first case reached it."""
    hub, (station, _) = network
    first = take_in(station)
    with served_hub(hub, clock) as served:
        sync(station, served.url)
    return hub, station, first, backup_hub(hub, tmp_path / "hub-backup")


@pytest.mark.both_hubs
def test_after_the_hub_is_restored_from_a_backup_the_check_repairs_it(network, tmp_path, clock, hub_backend):
    """The drift check: counts and hashes differ after a restore; the repair drops no unsent data.
    On PostgreSQL the database is restored from an older ``pg_dump`` with ``pg_restore``."""
    hub, station, _, backup = _backed_up_hub_and_synced_station(network, tmp_path, clock)
    later = take_in(station, description="建议增设路灯")
    with served_hub(hub, clock) as served:
        assert sync(station, served.url).check == "same"
    restore_hub(hub, backup)  # the hub loses the station's later case, and positions the station had passed
    assert later not in case_rows(hub)
    cadre = None
    if hub_backend == "sqlite":  # what the restored hub writes itself comes down too (PostgreSQL: not yet)
        cadre = cadres.add(
            hub.desk, "admin", cadres.CadreInput(name="缪建华", phone="13906271002", unit_code=hub.unit_code)
        )
    unsent = take_in(station, description="反映自来水水压偏低")
    with served_hub(hub, clock) as served:
        report = sync(station, served.url)
        # The repair is of what came down: the restored township reused positions the station had
        # passed. A hub that sent nothing down has nothing to repair; its hello says how far its
        # restored ranges reach, and the station sends again from there.
        assert report.check == ("repaired" if cadre else "same") and report.warnings == []
        if cadre:
            assert station.desk.db.scalar("SELECT name FROM cadres WHERE id = ?", (cadre,)) == "缪建华"
        assert {later, unsent} <= set(case_rows(hub))
        assert event_ids(station, station.id) == event_ids(hub, station.id)  # all back, none twice
        assert pending(station) == 0
        again = sync(station, served.url)
    assert (again.received, again.sent, again.check) == (0, 0, "same")
    assert hub_check_ok(hub)


@pytest.mark.both_hubs
def test_work_the_hub_lost_in_a_restore_is_reported_not_overwritten(network, tmp_path, clock):
    """The restored hub numbers its new records from where its backup ended, reusing numbers the station
    already holds: those are held for inspection at the station, never merged over the lost ones.
    On PostgreSQL the county's older ``pg_dump`` is restored, and the township below it holds the clash."""
    staffed(network[0])
    hub, station, first, backup = _backed_up_hub_and_synced_station(network, tmp_path, clock)
    act(hub, first, "note", text="镇里看过了")
    with served_hub(hub, clock) as served:
        sync(station, served.url)
    restore_hub(hub, backup)
    act(hub, first, "note", text="恢复备份后镇里写的")
    with served_hub(hub, clock) as served:
        report = sync(station, served.url)
    assert any("备份恢复" in str(w) for w in report.warnings)
    held = sync_state.quarantined(station.desk.db)
    assert [h["problem"] for h in held] == ["sequence_clash"] and "备份恢复" in held[0]["reason"]
    assert any("备份恢复" in line for line in sync_status(station.desk).lines())
    # The lost note still stands below; the clashing one is held, not merged over it.
    notes = [e.payload.get("text") for e in queries.timeline(station.desk, first) if e.type == "note"]
    assert notes == ["镇里看过了"]


@pytest.mark.both_hubs
def test_work_done_after_a_station_is_restored_from_a_backup_still_goes_up(network, served, tmp_path):
    """The restored station reuses positions the hub already covers; the check finds its new work by id
    and sends it, where clashing numbers are held for inspection instead of being skipped."""
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    station.close()
    backup = copy_installation(station.folder, tmp_path / "station-backup")
    station.reopen()
    take_in(station, description="备份之后登记的")
    sync(station, served.url)
    _restore(station, backup)
    fresh = take_in(station, description="恢复之后登记的")
    report = sync(station, served.url)
    fresh_ids = {
        r[0]
        for r in station.desk.db.query(
            "SELECT id FROM events WHERE stream_id IN (?, ?)", (fresh, station.villager_ids[-1])
        )
    }
    at_hub = set(event_ids(hub)) | {h["event_id"] for h in sync_state.quarantined(hub.desk.db)}
    assert fresh_ids <= at_hub
    assert any("备份恢复" in str(w) for w in report.warnings)
    assert {r["event_id"] for r in sync_status(station.desk).rejected} == fresh_ids


# -- kill -9 at every step -----------------------------------------------------------

STATION_STEPS = [
    "station.after_hello",
    "station.before_send",
    "station.after_send",
    "station.after_fetch",
    "station.down.before_apply",
    "station.down.in_transaction",
    "station.down.after_commit",
    "station.before_check",
]
HUB_STEPS = [
    "hub.hello",
    "hub.up.before_apply",
    "hub.up.in_transaction",
    "hub.up.after_commit",
    "hub.down.before_send",
    "hub.check",
]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def busy_pair(tmp_path_factory, request) -> Iterator[Path]:
    """A hub and one installation below it with work waiting, closed on disk: a township and a
    station with work waiting both ways, or a county on PostgreSQL (its database named in the
    folder's ``database``) and a township hub with work waiting up (a PostgreSQL hub records no
    work of its own yet, so nothing of the county's waits to go down)."""
    base = tmp_path_factory.mktemp("kill")
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    server = request.getfixturevalue("pg_server") if request.param == "postgres" else None
    if server is None:
        hub, (station,) = township_with_stations(base, clock, 1)
    else:
        name, url = new_database(server)
        (base / "database").write_text(f"{server}\n{name}")
        hub, (station,) = pg_network(url, base, clock, children=1)
    ids = [take_in(station, description=f"反映{i}组道路破损") for i in range(8)]
    with served_hub(hub, clock) as served:
        sync(station, served.url)
    if server is None:
        act(hub, ids[0], "note", text="镇里已联系建设办")
        act(hub, ids[1], "completed", result="granted")
        cadres.add(hub.desk, "admin", cadres.CadreInput(name="季红梅", phone="13906271001", unit_code=hub.unit_code))
    for i in range(8):
        take_in(station, description=f"建议{i}组增设路灯")
    hub.close()
    station.close()
    if server is not None:
        shutil.move(base / "township0", base / "station0")  # the one below, whatever its level
    yield base
    if server is not None:
        drop_database(server, name)


class SqliteSide:
    """A township hub's folder: served by a real ``hub serve`` process, or on a thread."""

    def __init__(self, pair: Path):
        self.folder = pair / "township"

    def process(self, env: dict) -> HubProcess:
        return HubProcess(self.folder, env=env)

    def restarted(self) -> BackgroundHub:
        return BackgroundHub(self.folder)

    @contextmanager
    def opened(self) -> Iterator[tuple[SimpleNamespace, SqliteHub]]:
        desk = Desk.open(self.folder)
        try:
            yield SimpleNamespace(desk=desk), SqliteHub(desk)
        finally:
            desk.close()

    def close(self) -> None:
        pass


class PgSide:
    """A county on PostgreSQL: the pair's database copied (``CREATE DATABASE … TEMPLATE``), served
    by ``hub serve --database URL --data-dir KEYS`` as a real process, killed and started again."""

    def __init__(self, pair: Path):
        self.server, template = (pair / "database").read_text().split("\n")
        self.name, self.url = new_database(self.server, template)
        self.keys = pair / "county-keys"

    def process(self, env: dict) -> HubProcess:
        return HubProcess(self.keys, env=env, extra=("--database", self.url))

    def restarted(self) -> HubProcess:
        return self.process({})

    @contextmanager
    def opened(self) -> Iterator[tuple[PgHubNode, PgHub]]:
        node = PgHubNode(PgCounty(self.url, self.keys, now_utc))
        try:
            yield node, PgHub(node.db)
        finally:
            node.close()

    def close(self) -> None:
        drop_database(self.server, self.name)


def _agree(side: SqliteSide | PgSide, station_folder: Path) -> None:
    station = Desk.open(station_folder)
    try:
        below, me = SimpleNamespace(desk=station), station.installation.id
        with side.opened() as (hub, backend):
            assert event_ids(hub, me) == event_ids(below, me)
            given = backend.given_digest(backend.peer(me), backend.head())
            with station.db.read() as conn:
                assert given == selection.received_digest(conn, me, backend.own.id)
            unit = station.installation.unit_code
            assert case_rows(hub, unit) == case_rows(below, unit)
            assert hub_check_ok(hub) and run_check(station).ok
        status = sync_status(station)
        assert status.pending == 0 and status.last_error is None
    finally:
        station.close()


def _station(folder: Path) -> Node:
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    return Node(folder, Desk.open(folder, wall=clock), keymod.load(folder), clock)


@pytest.mark.slow
@pytest.mark.parametrize("step", STATION_STEPS + HUB_STEPS)
def test_killing_either_side_at_any_step_leaves_both_in_agreement(busy_pair, tmp_path, step):
    """On both hubs: on PostgreSQL the real ``hub serve --database`` process is the one killed
    with SIGKILL mid-exchange (mid-batch at ``hub.up.*``) and then started again."""
    shutil.copytree(busy_pair, tmp_path / "pair")
    pair = tmp_path / "pair"
    side = PgSide(pair) if (pair / "database").exists() else SqliteSide(pair)
    station_folder = pair / "station0"
    try:
        if step.startswith("hub."):
            with side.process(env={FAILPOINT: step}) as hub:
                station = _station(station_folder)
                with pytest.raises(SyncError):
                    sync(station, hub.url)
                assert hub.wait_dead() == -9
        else:
            with side.restarted() as served:
                run = cli(
                    "sync",
                    "--data-dir",
                    str(station_folder),
                    "--hub",
                    served.url,
                    "--retries",
                    "0",
                    env={FAILPOINT: step},
                    check=False,
                )
                assert run.returncode == -9
            station = _station(station_folder)
        with side.restarted() as served:  # both sides back up; the next exchange runs normally
            sync(station, served.url)
        station.close()
        _agree(side, station_folder)
    finally:
        side.close()

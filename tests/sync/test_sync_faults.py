"""All or nothing, then a drift check (guarantee 11); a checkpoint is never ahead of a commit, even when
a real hub or station process is killed with SIGKILL at any step of an exchange (guarantee 7)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from haian_desk.core.timeutil import UTC
from haian_desk.desk import Desk
from haian_desk.people import cadres
from haian_desk.replication import selection, sync_state
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


def test_a_batch_applies_fully_or_not_at_all(any_network, any_served, monkeypatch):
    """On both hubs (``hub_backend``): a batch failing inside its transaction leaves nothing."""
    hub, (station, _) = any_network
    for i in range(12):
        take_in(station, description=f"反映{i}组道路破损")
    before = snapshot(hub)
    monkeypatch.setenv(FAILPOINT, "hub.up.in_transaction:raise")
    with pytest.raises(SyncError) as failed:
        sync(station, any_served.url)
    assert failed.value.kind == "server_error"
    assert snapshot(hub) == before and hub.desk.db.scalar("SELECT count(*) FROM sync_batches") == 0
    assert held_up_to(hub, station.id) == 0
    monkeypatch.delenv(FAILPOINT)
    sync(station, any_served.url)
    assert set(event_ids(station, station.id)) <= set(event_ids(hub))


def test_a_down_batch_applies_fully_or_not_at_all(network, served, monkeypatch):
    """At the station: what the township sends down (a PostgreSQL hub does not act on matters itself)."""
    hub, (station, _) = network
    for i in range(12):
        take_in(station, description=f"反映{i}组道路破损")
    sync(station, served.url)
    act(hub, next(iter(case_rows(hub))), "note", text="镇里看过了")
    station_before = snapshot(station)
    cursor = held_up_to(station, hub.id)
    monkeypatch.setenv(FAILPOINT, "station.down.in_transaction:raise")
    with pytest.raises(FailpointHit):
        sync(station, served.url)
    assert snapshot(station) == station_before and held_up_to(station, hub.id) == cursor
    monkeypatch.delenv(FAILPOINT)
    assert sync(station, served.url).received == 1


def _restore(hub, backup: Path) -> None:
    hub.close()
    shutil.rmtree(hub.folder)
    shutil.copytree(backup, hub.folder)
    hub.reopen()


def _backed_up_hub_and_synced_station(network, tmp_path, clock):
    hub, (station, _) = network
    first = take_in(station)
    with BackgroundHub(hub.folder, wall=clock) as served:
        sync(station, served.url)
    hub.close()
    backup = copy_installation(hub.folder, tmp_path / "hub-backup")
    hub.reopen()
    return hub, station, first, backup


def test_after_the_hub_is_restored_from_a_backup_the_check_repairs_it(network, tmp_path, clock):
    """The drift check: counts and hashes differ after a restore; the repair drops no unsent data."""
    hub, station, _, backup = _backed_up_hub_and_synced_station(network, tmp_path, clock)
    later = take_in(station, description="建议增设路灯")
    with BackgroundHub(hub.folder, wall=clock) as served:
        assert sync(station, served.url).check == "same"
    _restore(hub, backup)  # the hub loses the station's later case, and positions the station had passed
    cadre = cadres.add(
        hub.desk, "admin", cadres.CadreInput(name="缪建华", phone="13906271002", unit_code=hub.unit_code)
    )
    unsent = take_in(station, description="反映自来水水压偏低")
    with BackgroundHub(hub.folder, wall=clock) as served:
        report = sync(station, served.url)
        assert report.check == "repaired" and report.warnings == []
        assert station.desk.db.scalar("SELECT name FROM cadres WHERE id = ?", (cadre,)) == "缪建华"
        assert {later, unsent} <= set(case_rows(hub))
        assert set(event_ids(station, station.id)) == set(event_ids(hub, station.id))
        assert pending(station) == 0
        again = sync(station, served.url)
    assert (again.received, again.sent, again.check) == (0, 0, "same")


def test_work_the_hub_lost_in_a_restore_is_reported_not_overwritten(network, tmp_path, clock):
    """The restored hub numbers its new records from where its backup ended, reusing numbers the station
    already holds: those are held for inspection at the station, never merged over the lost ones."""
    hub, station, first, backup = _backed_up_hub_and_synced_station(network, tmp_path, clock)
    act(hub, first, "note", text="镇里看过了")
    with BackgroundHub(hub.folder, wall=clock) as served:
        sync(station, served.url)
    _restore(hub, backup)
    act(hub, first, "note", text="恢复备份后镇里写的")
    with BackgroundHub(hub.folder, wall=clock) as served:
        report = sync(station, served.url)
    assert any("备份恢复" in str(w) for w in report.warnings)
    held = sync_state.quarantined(station.desk.db)
    assert [h["problem"] for h in held] == ["sequence_clash"] and "备份恢复" in held[0]["reason"]
    assert any("备份恢复" in line for line in sync_status(station.desk).lines())


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


@pytest.fixture(scope="module")
def busy_pair(tmp_path_factory) -> Path:
    """A hub and a station with work waiting both ways, closed on disk."""
    base = tmp_path_factory.mktemp("kill")
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    hub, (station,) = township_with_stations(base, clock, 1)
    ids = [take_in(station, description=f"反映{i}组道路破损") for i in range(8)]
    with BackgroundHub(hub.folder, wall=clock) as served:
        sync(station, served.url)
    act(hub, ids[0], "note", text="镇里已联系建设办")
    act(hub, ids[1], "completed", result="granted")
    cadres.add(hub.desk, "admin", cadres.CadreInput(name="季红梅", phone="13906271001", unit_code=hub.unit_code))
    for i in range(8):
        take_in(station, description=f"建议{i}组增设路灯")
    hub.close()
    station.close()
    return base


def _agree(hub_folder: Path, station_folder: Path) -> None:
    hub, station = Desk.open(hub_folder), Desk.open(station_folder)
    try:
        me = station.installation.id
        mine = [r[0] for r in station.db.query("SELECT id FROM events WHERE origin = ? ORDER BY id", (me,))]
        assert [r[0] for r in hub.db.query("SELECT id FROM events WHERE origin = ? ORDER BY id", (me,))] == mine
        peer = sync_state.get_peer(hub.db, me)
        with hub.db.read() as conn:
            head = selection.head(conn)
            given = selection.given_digest(conn, peer, head)
        with station.db.read() as conn:
            assert given == selection.received_digest(conn, me, hub.installation.id)
        unit = station.installation.unit_code
        rows = "SELECT * FROM cases WHERE unit_code = ? ORDER BY id"
        assert [tuple(r) for r in hub.db.query(rows, (unit,))] == [tuple(r) for r in station.db.query(rows, (unit,))]
        assert run_check(hub).ok and run_check(station).ok
        status = sync_status(station)
        assert status.pending == 0 and status.last_error is None
    finally:
        hub.close()
        station.close()


def _station(folder: Path) -> Node:
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    return Node(folder, Desk.open(folder, wall=clock), keymod.load(folder), clock)


@pytest.mark.slow
@pytest.mark.parametrize("step", STATION_STEPS + HUB_STEPS)
def test_killing_either_side_at_any_step_leaves_both_in_agreement(busy_pair, tmp_path, step):
    shutil.copytree(busy_pair, tmp_path / "pair")
    hub_folder, station_folder = tmp_path / "pair" / "township", tmp_path / "pair" / "station0"
    if step.startswith("hub."):
        with HubProcess(hub_folder, env={FAILPOINT: step}) as hub:
            station = _station(station_folder)
            with pytest.raises(SyncError):
                sync(station, hub.url)
            assert hub.wait_dead() == -9
    else:
        with BackgroundHub(hub_folder) as served:
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
    with BackgroundHub(hub_folder) as served:  # both sides back up; the next exchange runs normally
        sync(station, served.url)
    station.close()
    _agree(hub_folder, station_folder)
